import { SettingsPage } from "@/app/routes/app/settings-page.tsx";
import { ConnectionHealthConsole } from "@/features/channels/components/connection-health-console.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";

export function SettingsHealthRoute() {
  const { workspace } = useCurrentWorkspace();
  // WorkspaceGate renders routes only once a workspace is known.
  if (!workspace) return null;
  return (
    <SettingsPage section="Health" workspace={workspace}>
      <ConnectionHealthConsole key={workspace.imo_id} imoId={workspace.imo_id} />
    </SettingsPage>
  );
}
