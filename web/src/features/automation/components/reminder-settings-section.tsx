import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { LoadError } from "@/components/ui/load-error.tsx";
import { PlanUpgradeCallout } from "@/components/ui/plan-upgrade-callout.tsx";
import { useReminderSettings } from "@/features/automation/api/get-reminder-settings.ts";
import {
  ReminderSettingsForm,
  type ReminderTemplate,
} from "@/features/automation/components/reminder-settings-form.tsx";

type ReminderSettingsSectionProps = {
  workspace: Pick<MyWorkspace, "imo_id" | "role" | "plan_name" | "features">;
  /** the IMO's templates (empty when the plan has none); the route brings them */
  templates: ReminderTemplate[];
};

/**
 * Settings › Automation: the priority reminder. Every member reads it; owners and admins change it
 * on a plan with scheduled messages.
 */
export function ReminderSettingsSection({ workspace, templates }: ReminderSettingsSectionProps) {
  const settings = useReminderSettings(workspace.imo_id);
  const planAllows = workspace.features.instagram_scheduled_messages === true;
  const isAdmin = workspace.role === "owner" || workspace.role === "admin";

  return (
    <section aria-labelledby="reminders-heading" className="space-y-4">
      <div>
        <h2
          id="reminders-heading"
          className="text-base font-semibold text-neutral-900 dark:text-zinc-50"
        >
          Priority reminders
        </h2>
        <p className="mt-1 text-sm text-neutral-500 dark:text-zinc-400">
          A nudge for the conversations you marked priority, so none goes quiet while Instagram
          still lets you write.
        </p>
      </div>
      {!planAllows && (
        <PlanUpgradeCallout
          workspace={workspace}
          title="Scheduled messages and reminders are part of the Team plan"
          ownerAction="Upgrade to schedule messages and send priority reminders."
          memberAction="Ask the workspace owner to upgrade to use scheduled messages and reminders."
        />
      )}
      {settings.status === "pending" && (
        <div
          aria-busy="true"
          className="h-40 animate-pulse rounded-lg border border-neutral-200 dark:border-zinc-800"
        >
          <span className="sr-only">Loading the reminder settings…</span>
        </div>
      )}
      {settings.status === "error" && (
        <LoadError
          message={`Couldn't load the reminder settings: ${settings.error.message}`}
          isRetrying={settings.isRefetching}
          onRetry={() => void settings.refetch()}
        />
      )}
      {settings.status === "success" && (
        <ReminderSettingsForm
          // a save or another admin's change starts the form again from what is stored
          key={`${settings.data.reminders_enabled}:${settings.data.reminder_template_id}`}
          settings={settings.data}
          templates={templates}
          canEdit={isAdmin && planAllows}
          readOnlyReason={!isAdmin ? "Only owners and admins change these settings." : undefined}
        />
      )}
    </section>
  );
}
