import type { ReactNode } from "react";
import { LoadError } from "@/components/ui/load-error.tsx";
import { PageHeader } from "@/components/ui/page-header.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { paths } from "@/config/paths.ts";
import { useConnectedAccounts } from "@/features/channels/api/get-connected-accounts.ts";
import { UpgradePrompt } from "@/features/messages/components/upgrade-prompt.tsx";
import { PublishingView } from "@/features/publishing/components/publishing-view.tsx";
import { publishingAccounts } from "@/features/publishing/utils/publishing-account.ts";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";

// The route composes the Publishing page from the accounts (channels) and the workspace's role and
// plan; the publishing feature knows neither.
export function PublishingRoute() {
  const { workspace } = useCurrentWorkspace();
  if (!workspace) return null;
  if (workspace.features.instagram_messaging !== true) {
    return (
      <PublishingPage>
        <UpgradePrompt planName={workspace.plan_name} isOwner={workspace.role === "owner"} />
      </PublishingPage>
    );
  }
  return (
    <PublishingPage>
      <ConnectedPublishing
        key={workspace.imo_id}
        imoId={workspace.imo_id}
        canWrite={workspace.role === "owner" || workspace.role === "admin"}
        canSchedule={workspace.features.instagram_scheduled_messages === true}
      />
    </PublishingPage>
  );
}

function PublishingPage({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-y-auto bg-white dark:bg-zinc-950">
      <title>Publishing · DM Desk</title>
      <PageHeader title="Publishing" />
      {children}
    </div>
  );
}

function ConnectedPublishing(
  { imoId, canWrite, canSchedule }: { imoId: string; canWrite: boolean; canSchedule: boolean },
) {
  const accounts = useConnectedAccounts(imoId);
  if (accounts.status === "pending") {
    return (
      <div role="status" aria-label="Loading publishing" className="space-y-2 p-4">
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (accounts.status === "error") {
    return (
      <div className="p-4">
        <LoadError
          message={`Couldn't load your accounts. ${accounts.error.message}`}
          isRetrying={accounts.isRefetching}
          onRetry={() => void accounts.refetch()}
        />
      </div>
    );
  }
  return (
    <PublishingView
      imoId={imoId}
      accounts={publishingAccounts(accounts.data)}
      canWrite={canWrite}
      canSchedule={canSchedule}
      channelsHref={paths.app.settings.getHref()}
    />
  );
}
