import { TemplatesSection } from "@/features/templates/components/templates-section.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import { SettingsPage } from "@/app/routes/app/settings-page.tsx";

export function SettingsTemplatesRoute() {
  const { workspace } = useCurrentWorkspace();
  if (!workspace) return null;

  return (
    <SettingsPage section="Templates" workspace={workspace}>
      <TemplatesSection key={workspace.imo_id} workspace={workspace} />
    </SettingsPage>
  );
}
