import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Select } from "@/components/ui/select.tsx";
import type { ReminderSettings } from "@/features/automation/api/get-reminder-settings.ts";
import { useUpdateReminderSettings } from "@/features/automation/api/update-reminder-settings.ts";

export type ReminderTemplate = { id: string; name: string; content: string };

type ReminderSettingsFormProps = {
  settings: ReminderSettings;
  templates: ReminderTemplate[];
  canEdit: boolean;
  /** said beside read-only settings */
  readOnlyReason?: string;
};

// Radix Select has no empty value: the default text stands for "no template".
const DEFAULT_TEXT = "default";

export function ReminderSettingsForm(
  { settings, templates, canEdit, readOnlyReason }: ReminderSettingsFormProps,
) {
  const [isEnabled, setIsEnabled] = useState(settings.reminders_enabled);
  const [templateId, setTemplateId] = useState(settings.reminder_template_id ?? DEFAULT_TEXT);
  const update = useUpdateReminderSettings();
  const chosen = templates.find((template) => template.id === templateId);
  const isChanged = isEnabled !== settings.reminders_enabled ||
    templateId !== (settings.reminder_template_id ?? DEFAULT_TEXT);
  const options = [
    { value: DEFAULT_TEXT, label: "Default text" },
    ...templates.map((template) => ({ value: template.id, label: template.name })),
    // a template this page cannot list (the plan lost templates): still what is chosen
    ...(templateId !== DEFAULT_TEXT && !chosen
      ? [{ value: templateId, label: "The chosen template" }]
      : []),
  ];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({
      imo_id: settings.imo_id,
      reminders_enabled: isEnabled,
      reminder_template_id: templateId === DEFAULT_TEXT ? null : templateId,
    });
  }

  return (
    <form
      aria-label="Priority reminder settings"
      onSubmit={handleSubmit}
      className="space-y-4 rounded-lg border border-neutral-200 dark:border-zinc-800 p-4"
    >
      <div className="flex items-start justify-between gap-4">
        <div>
          <p
            id="reminders-switch-label"
            className="text-sm font-medium text-neutral-900 dark:text-zinc-50"
          >
            Send priority reminders
          </p>
          <p className="mt-0.5 text-sm text-neutral-500 dark:text-zinc-400">
            {`Once a day, a priority conversation whose 24-hour window is open and that has had no message from your team for ${settings.quiet_hours} hours gets one reminder, at most one per window. Never for story mentions alone, never while someone on your team is in the conversation.`}
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={isEnabled}
          aria-labelledby="reminders-switch-label"
          disabled={!canEdit}
          onClick={() => setIsEnabled(!isEnabled)}
          className={`relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50 ${
            isEnabled ? "bg-indigo-600" : "bg-neutral-300"
          }`}
        >
          <span
            aria-hidden="true"
            className={`absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow transition-transform ${
              isEnabled ? "translate-x-4" : ""
            }`}
          />
        </button>
      </div>
      <Select
        label="Reminder message"
        value={templateId}
        options={options}
        disabled={!canEdit}
        onValueChange={setTemplateId}
      />
      <div className="space-y-1">
        <p className="text-xs font-medium text-neutral-500 dark:text-zinc-400">What it says</p>
        <p className="rounded-md bg-neutral-50 dark:bg-zinc-900 px-3 py-2 text-sm whitespace-pre-wrap text-neutral-800 dark:text-zinc-100">
          {templateId === DEFAULT_TEXT ? settings.default_text : chosen?.content ?? "…"}
        </p>
        <p className="text-xs text-neutral-500 dark:text-zinc-400">
          Variables such as {"{{first_name}}"} are filled in for each contact when it is sent.
        </p>
      </div>
      {update.error && <Alert>{`Couldn't save: ${update.error.message}`}</Alert>}
      {readOnlyReason && (
        <p className="text-sm text-neutral-500 dark:text-zinc-400">{readOnlyReason}</p>
      )}
      {canEdit && (
        <div className="flex justify-end">
          <Button
            type="submit"
            size="sm"
            disabled={!isChanged}
            isPending={update.isPending}
            pendingLabel="Saving…"
          >
            Save
          </Button>
        </div>
      )}
    </form>
  );
}
