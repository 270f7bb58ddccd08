import { PlanSection } from "@/features/plan/components/plan-section.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import { SettingsPage } from "@/app/routes/app/settings-page.tsx";

export function SettingsPlanRoute() {
  const { workspace } = useCurrentWorkspace();
  if (!workspace) return null;

  return (
    <SettingsPage section="Plan" workspace={workspace}>
      <PlanSection key={workspace.imo_id} workspace={workspace} />
    </SettingsPage>
  );
}
