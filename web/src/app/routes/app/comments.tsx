import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { useSession } from "@/features/auth/hooks/use-session.ts";
import { useConnectedAccounts } from "@/features/channels/api/get-connected-accounts.ts";
import { CommentsInbox } from "@/features/comments/components/comments-inbox.tsx";
import { useMembers } from "@/features/members/api/get-members.ts";
import { useTemplates } from "@/features/templates/api/get-templates.ts";
import { UpgradePrompt } from "@/features/messages/components/upgrade-prompt.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";

// The route composes the Comments view from the features it needs: accounts (channels), people to
// assign (members), templates for private replies (messages). The comments feature knows none.
export function CommentsRoute() {
  const { workspace } = useCurrentWorkspace();
  if (!workspace) return null;
  if (workspace.features.instagram_messaging !== true) {
    return (
      <CommentsPage>
        <title>Comments · DM Desk</title>
        <UpgradePrompt planName={workspace.plan_name} isOwner={workspace.role === "owner"} />
      </CommentsPage>
    );
  }
  return (
    <CommentsPage>
      <ConnectedComments
        key={workspace.imo_id}
        imoId={workspace.imo_id}
        canUseTemplates={workspace.features.instagram_templates === true}
      />
    </CommentsPage>
  );
}

function CommentsPage({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col bg-white dark:bg-zinc-950">
      <PageHeader title="Comments" />
      {children}
    </div>
  );
}

function ConnectedComments(
  { imoId, canUseTemplates }: { imoId: string; canUseTemplates: boolean },
) {
  const { session } = useSession();
  const accounts = useConnectedAccounts(imoId);
  const members = useMembers(imoId);
  const templates = useTemplates(imoId, canUseTemplates);

  if (accounts.status === "pending") {
    return (
      <div role="status" aria-label="Loading comments" className="space-y-2 p-4">
        <title>Comments · DM Desk</title>
        <Skeleton className="h-7 w-64" />
      </div>
    );
  }
  if (accounts.status === "error") {
    return (
      <div className="p-4">
        <title>Comments · DM Desk</title>
        <LoadError
          message={`Couldn't load your Instagram accounts. ${accounts.error.message}`}
          isRetrying={accounts.isRefetching}
          onRetry={() => void accounts.refetch()}
        />
      </div>
    );
  }
  return (
    <CommentsInbox
      imoId={imoId}
      accounts={accounts.data.filter((account) => account.platform === "instagram")}
      members={members.data?.members ?? []}
      templates={templates.data ?? []}
      viewerId={session?.user.id ?? ""}
    />
  );
}
