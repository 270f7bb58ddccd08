import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  reminderSettingsQuerySchema,
  type ReminderSettingsResponse,
  reminderSettingsResponseSchema,
} from "@dm-desk/shared/contracts/scheduled-messages";
import { automationKeys } from "@/features/automation/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export type ReminderSettings = ReminderSettingsResponse["settings"];

/** The IMO's priority reminder: on or off, its template, the default text and the quiet hours. */
export async function getReminderSettings(imoId: string): Promise<ReminderSettings> {
  const query = parseInput(reminderSettingsQuerySchema, { imo_id: imoId });
  const { settings } = await invokeFunction(
    withQuery("scheduled-messages/reminder-settings", query),
    reminderSettingsResponseSchema,
    { method: "GET" },
  );
  return settings;
}

export function reminderSettingsQueryOptions(imoId: string) {
  return queryOptions({
    queryKey: automationKeys.reminderSettings(imoId),
    queryFn: () => getReminderSettings(imoId),
    enabled: Boolean(imoId),
  });
}

export function useReminderSettings(imoId: string) {
  return useQuery(reminderSettingsQueryOptions(imoId));
}
