import { createAutoReminderHandler } from "../_shared/automation/auto-reminder.ts";

Deno.serve(createAutoReminderHandler());
