import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Spinner } from "@/components/ui/spinner.tsx";
import { Onboarding } from "@/features/workspaces/components/onboarding.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";

// Every screen inside the app belongs to a workspace, so nothing below renders until one is known.
export function WorkspaceGate({ children }: { children: ReactNode }) {
  const { status, workspace, error, refetch, isRefetching } = useCurrentWorkspace();

  if (status === "pending") {
    return (
      <div className="flex flex-1 items-center justify-center text-neutral-400 dark:text-zinc-500">
        <Spinner className="size-6" />
        <span className="sr-only">Loading your workspaces…</span>
      </div>
    );
  }
  if (status === "error") {
    return (
      <div className="flex flex-1 items-center justify-center p-8">
        <div className="flex w-full max-w-sm flex-col gap-3">
          <Alert>{`We couldn't load your workspaces. ${error?.message ?? ""}`}</Alert>
          <Button isPending={isRefetching} pendingLabel="Retrying…" onClick={() => refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  // A new sign-up: they create their IMO or join one with an invitation.
  if (!workspace) return <Onboarding />;
  return children;
}
