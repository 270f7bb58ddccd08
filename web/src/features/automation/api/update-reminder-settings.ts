import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  reminderSettingsResponseSchema,
  type UpdateReminderSettings,
  updateReminderSettingsSchema,
} from "@dm-desk/shared/contracts/scheduled-messages";
import type { ReminderSettings } from "@/features/automation/api/get-reminder-settings.ts";
import { automationKeys } from "@/features/automation/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type UpdateReminderSettingsInput = UpdateReminderSettings;

/** An owner's or admin's change to the priority reminder (on a plan with scheduled messages). */
export async function updateReminderSettings(
  input: UpdateReminderSettingsInput,
): Promise<ReminderSettings> {
  const body = parseInput(updateReminderSettingsSchema, input);
  const { settings } = await invokeFunction(
    "scheduled-messages/reminder-settings",
    reminderSettingsResponseSchema,
    { method: "PATCH", body },
  );
  return settings;
}

/** The answer is the settings as stored; the form shows a refusal itself. */
export function useUpdateReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation<ReminderSettings, AppError, UpdateReminderSettingsInput>({
    mutationFn: updateReminderSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(automationKeys.reminderSettings(settings.imo_id), settings);
      toast.success(
        settings.reminders_enabled ? "Priority reminders are on" : "Priority reminders are off",
      );
    },
  });
}
