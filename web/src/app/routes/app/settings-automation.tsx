import { ReminderSettingsSection } from "@/features/automation/components/reminder-settings-section.tsx";
import { useTemplates } from "@/features/messages/api/get-templates.ts";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import { SettingsPage } from "@/app/routes/app/settings-page.tsx";

export function SettingsAutomationRoute() {
  const { workspace } = useCurrentWorkspace();
  // the reminder may send one of the IMO's templates (the messages feature lists them)
  const templates = useTemplates(
    workspace?.imo_id ?? "",
    workspace?.features.instagram_templates === true,
  );
  if (!workspace) return null;

  return (
    <SettingsPage section="Automation" workspace={workspace}>
      <ReminderSettingsSection
        key={workspace.imo_id}
        workspace={workspace}
        templates={templates.data ?? []}
      />
    </SettingsPage>
  );
}
