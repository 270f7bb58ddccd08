import type { UpdateReminderSettings } from "../../../../shared/src/contracts/scheduled-messages.ts";
import {
  DEFAULT_REMINDER_TEXT,
  REMINDER_QUIET_HOURS,
} from "../../../../shared/src/rules/reminders.ts";
import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/** The IMO's reminder settings as members read them; no row: off, with the default text. */
export async function readReminderSettings(tx: Tx, imoId: string) {
  const [row] = await tx<{ reminders_enabled: boolean; reminder_template_id: string | null }[]>`
    select reminders_enabled, reminder_template_id from public.automation_settings
    where imo_id = ${imoId}`;
  return {
    imo_id: imoId,
    reminders_enabled: row?.reminders_enabled ?? false,
    reminder_template_id: row?.reminder_template_id ?? null,
    default_text: DEFAULT_REMINDER_TEXT,
    quiet_hours: REMINDER_QUIET_HOURS,
  };
}

/** An owner's or admin's change (RLS checks the role and plan); the template must be live. */
export async function writeReminderSettings(tx: Tx, input: UpdateReminderSettings) {
  if (input.reminder_template_id) {
    const [template] = await tx`
      select id from public.message_templates
      where id = ${input.reminder_template_id} and imo_id = ${input.imo_id} and deleted_at is null`;
    if (!template) throw new HttpError(404, "template_not_found", "No such template");
  }
  const changes = {
    ...(input.reminders_enabled === undefined
      ? {}
      : { reminders_enabled: input.reminders_enabled }),
    ...(input.reminder_template_id === undefined
      ? {}
      : { reminder_template_id: input.reminder_template_id }),
  };
  const columns = Object.keys(changes);
  await tx`
    insert into public.automation_settings ${tx({ imo_id: input.imo_id, ...changes })}
    on conflict (imo_id) do ${columns.length ? tx`update set ${tx(changes)}` : tx`nothing`}`;
  return await readReminderSettings(tx, input.imo_id);
}
