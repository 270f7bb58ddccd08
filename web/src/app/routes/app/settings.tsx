import { ChannelsSection } from "@/features/channels/components/channels-section.tsx";
import { ConnectReturnNotice } from "@/features/channels/components/connect-return-notice.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import { SettingsPage } from "@/app/routes/app/settings-page.tsx";

export function SettingsRoute() {
  const { workspace } = useCurrentWorkspace();
  // WorkspaceGate renders routes only once a workspace is known.
  if (!workspace) return null;

  return (
    <SettingsPage section="Channels" workspace={workspace}>
      <ConnectReturnNotice imoId={workspace.imo_id} />
      <ChannelsSection key={workspace.imo_id} workspace={workspace} />
    </SettingsPage>
  );
}
