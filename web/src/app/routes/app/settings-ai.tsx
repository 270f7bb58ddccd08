import { AiSettingsSection } from "@/features/ai-settings/components/ai-settings-section.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import { SettingsPage } from "@/app/routes/app/settings-page.tsx";

export function SettingsAiRoute() {
  const { workspace } = useCurrentWorkspace();
  if (!workspace) return null;

  return (
    <SettingsPage section="AI" workspace={workspace}>
      <AiSettingsSection key={workspace.imo_id} imoId={workspace.imo_id} />
    </SettingsPage>
  );
}
