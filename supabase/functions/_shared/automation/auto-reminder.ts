import { processScheduledRequestSchema } from "../../../../shared/src/contracts/scheduled-messages.ts";
import {
  DEFAULT_REMINDER_TEXT,
  REMINDER_QUIET_HOURS,
} from "../../../../shared/src/rules/reminders.ts";
import { asService } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { requireServiceRole } from "../require-service.ts";
import { parseBody } from "../validate.ts";
import { processDueMessages } from "./process-scheduled.ts";

/**
 * Queues the priority reminders due at `now`, one scheduled message each (origin
 * `auto_reminder`, due at once), and returns their conversations. A conversation gets one when:
 * its IMO turned reminders on and its plan has scheduled messages; its account is connected; it
 * is priority and not archived; its window is open; nothing went out from us for
 * REMINDER_QUIET_HOURS; it holds more than story mentions (a story mention is not an invitation
 * to be greeted); no person holds it (the AI takeover lease); nothing else is already queued for
 * it; and it had no reminder in this window (a unique index on the window: a cancelled one counts).
 * The text is the IMO's template, or the default, rendered when it is sent; the reminder is
 * cancelled if the contact writes first, and the sender checks again that no person is in.
 */
export async function queueReminders(options: { conversationIds?: string[]; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const rows = await asService((tx) =>
    tx<{ conversation_id: string }[]>`
      insert into public.scheduled_messages (imo_id, channel_account_id, conversation_id,
        created_by, template_id, text, scheduled_for, origin, cancel_if_reply)
      select c.imo_id, c.channel_account_id, c.id, null, t.id, coalesce(t.content, ${DEFAULT_REMINDER_TEXT}),
        ${now}, 'auto_reminder', true
      from public.conversations c
      join public.automation_settings st on st.imo_id = c.imo_id and st.reminders_enabled
      join public.channel_accounts a on a.id = c.channel_account_id
        and a.status = 'connected' and a.platform = 'instagram'
      left join public.message_templates t on t.id = st.reminder_template_id and t.deleted_at is null
      where c.is_priority and c.archived_at is null and not c.only_story_mentions
        and c.can_reply_until > ${now}
        and (c.ai_takeover_until is null or c.ai_takeover_until <= ${now})
        ${options.conversationIds ? tx`and c.id = any(${options.conversationIds}::uuid[])` : tx``}
        and private.has_feature(c.imo_id, 'instagram_scheduled_messages')
        and not exists (select 1 from public.messages m
          where m.conversation_id = c.id and m.direction = 'outbound' and m.status <> 'failed'
            and m.sent_at > ${now}::timestamptz - make_interval(hours => ${REMINDER_QUIET_HOURS}))
        and not exists (select 1 from public.scheduled_messages s
          where s.conversation_id = c.id and s.status = 'pending')
      on conflict (conversation_id, window_expires_at) where origin = 'auto_reminder' do nothing
      returning conversation_id`
  );
  return rows.map((row) => row.conversation_id);
}

/**
 * instagram-auto-reminder (pg_cron daily, or on demand with the service role key): queues the
 * reminders, then sends them in the same run.
 */
export function createAutoReminderHandler() {
  return endpoint("POST", async (request) => {
    await requireServiceRole(request);
    const body = await parseBody(request, processScheduledRequestSchema);
    const queued = await queueReminders({ conversationIds: body.conversation_ids });
    const sent = queued.length ? await processDueMessages({ conversationIds: queued }) : null;
    return json({ queued: queued.length, ...sent });
  });
}
