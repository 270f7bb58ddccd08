import { ReminderSettingsSection } from "@/features/automation/components/reminder-settings-section.tsx";
import { useConnectedAccounts } from "@/features/channels/api/get-connected-accounts.ts";
import { CommentRulesSection } from "@/features/comments/components/comment-rules-section.tsx";
import { useTemplates } from "@/features/templates/api/get-templates.ts";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";
import { SettingsPage } from "@/app/routes/app/settings-page.tsx";

export function SettingsAutomationRoute() {
  const { workspace } = useCurrentWorkspace();
  // the reminder may send one of the IMO's templates (the messages feature lists them)
  const templates = useTemplates(
    workspace?.imo_id ?? "",
    workspace?.features.instagram_templates === true,
  );
  // a rule's form waits for the templates rather than saying there are none
  const ruleTemplates = templates.status === "pending" && templates.fetchStatus !== "idle"
    ? undefined
    : templates.data ?? [];
  const accounts = useConnectedAccounts(workspace?.imo_id ?? "");
  if (!workspace) return null;

  return (
    <SettingsPage section="Automation" workspace={workspace}>
      <ReminderSettingsSection
        key={workspace.imo_id}
        workspace={workspace}
        templates={templates.data ?? []}
      />
      <CommentRulesSection
        key={`rules-${workspace.imo_id}`}
        workspace={workspace}
        accounts={(accounts.data ?? []).filter((account) => account.platform === "instagram")}
        templates={ruleTemplates}
      />
    </SettingsPage>
  );
}
