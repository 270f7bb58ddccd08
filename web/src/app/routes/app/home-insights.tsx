import { HomePage } from "@/app/routes/app/home-page.tsx";
import { InsightsView } from "@/features/insights/components/insights-view.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";

export function HomeInsightsRoute() {
  const { workspace } = useCurrentWorkspace();
  // WorkspaceGate renders routes only once a workspace is known.
  if (!workspace) return null;
  return (
    <HomePage section="Insights">
      <InsightsView key={workspace.imo_id} imoId={workspace.imo_id} />
    </HomePage>
  );
}
