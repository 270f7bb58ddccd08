import { PageHeader } from "@/components/ui/page-header.tsx";
import { ChannelsSection } from "@/features/channels/components/channels-section.tsx";
import { ConnectReturnNotice } from "@/features/channels/components/connect-return-notice.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import { planLabel } from "@/features/workspaces/utils/describe-workspace.ts";

export function SettingsRoute() {
  const { workspace } = useCurrentWorkspace();
  // WorkspaceGate renders routes only once a workspace is known.
  if (!workspace) return null;

  return (
    <>
      <title>Settings · DM Desk</title>
      <PageHeader title="Settings">
        <p className="text-xs text-neutral-500">
          {workspace.name} · {planLabel(workspace)}
        </p>
      </PageHeader>
      <div className="flex-1 overflow-y-auto">
        <div className="mx-auto max-w-3xl space-y-6 px-6 py-8">
          <ConnectReturnNotice imoId={workspace.imo_id} />
          <ChannelsSection key={workspace.imo_id} workspace={workspace} />
        </div>
      </div>
    </>
  );
}
