import { HomePage } from "@/app/routes/app/home-page.tsx";
import { CommandCenterView } from "@/features/command-center/components/command-center-view.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";

export function HomeRoute() {
  const { workspace } = useCurrentWorkspace();
  // WorkspaceGate renders routes only once a workspace is known.
  if (!workspace) return null;
  return (
    <HomePage section="Command center">
      <CommandCenterView key={workspace.imo_id} imoId={workspace.imo_id} />
    </HomePage>
  );
}
