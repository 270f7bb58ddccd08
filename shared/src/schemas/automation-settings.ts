import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";

/**
 * A row of `automation_settings`: whether the priority reminder runs for the IMO and which
 * template it sends (null: the default text). An IMO without a row has reminders off.
 */
export const automationSettingsSchema = z.object({
  imo_id: idSchema,
  reminders_enabled: z.boolean(),
  reminder_template_id: idSchema.nullable(),
  updated_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export type AutomationSettings = z.infer<typeof automationSettingsSchema>;
