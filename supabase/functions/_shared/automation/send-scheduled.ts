import { messageTextSchema } from "../../../../shared/src/rules/message-text.ts";
import { canSend, type SendRefusalReason } from "../../../../shared/src/rules/messaging-window.ts";
import type { AutomationRule } from "../../../../shared/src/schemas/message.ts";
import { asService, type Tx } from "../db.ts";
import { HttpError } from "../http.ts";
import { waitForGraphCall } from "../meta/rate-governor.ts";
import { deliverReply } from "../send/deliver-reply.ts";
import { renderForConversation } from "../templates/render-for-conversation.ts";
import { type ClaimedRow, releaseLease } from "./claim-due.ts";

export type SendOutcome =
  | "sent"
  | "failed"
  | "expired"
  | "cancelled"
  /** no longer this run's to send: cancelled, rescheduled or taken meanwhile */
  | "skipped"
  /** the rate governor had no room in time: the row waits for the next run */
  | "deferred"
  /** handed to Meta without an answer yet (the message stays `pending`, as a person's would) */
  | "unsettled";

/** A run waits this long at most for the governor before leaving the row to the next run. */
const MAX_GOVERNOR_WAIT_MS = 30_000;

const REFUSALS: Record<SendRefusalReason, string> = {
  no_inbound_message: "The contact has never written, so Instagram allows no message",
  window_closed: "The 24-hour messaging window closed before it could be sent",
  human_agent_expired: "The 24-hour messaging window closed before it could be sent",
  human_agent_requires_person: "The 24-hour messaging window closed before it could be sent",
};

/**
 * Sends one claimed scheduled message the way a person's reply is sent: a slot from the rate
 * governor, the window rules at `now` (for an automation author: inside 24 h only, never the
 * HUMAN_AGENT tag), the message stored `pending` under an idempotency key (the schedule's id as
 * client_message_id), then one call to Meta through deliverReply. The row ends as its message
 * ends (trigger settle_scheduled_message), or expired, cancelled or failed here with the reason.
 */
export async function sendScheduled(row: ClaimedRow, now: Date): Promise<SendOutcome> {
  try {
    await waitForGraphCall(row.channel_account_id, "send_text", MAX_GOVERNOR_WAIT_MS);
  } catch {
    await releaseLease(row.id, "Waiting for Instagram's rate limit");
    return "deferred";
  }
  const decision = await asService((tx) => commitToSend(tx, row.id, now));
  if (typeof decision === "string") {
    if (decision === "skipped") await releaseLease(row.id);
    return decision;
  }
  // never a tag: automation may not send after the 24 h window
  await deliverReply(decision.messageId);
  const [message] = await asService((tx) =>
    tx<
      { status: string }[]
    >`select status::text from public.messages where id = ${decision.messageId}`
  );
  if (message?.status === "failed") return "failed";
  return message?.status === "pending" ? "unsettled" : "sent";
}

interface Candidate {
  id: string;
  imo_id: string;
  channel_account_id: string;
  conversation_id: string;
  status: string;
  sent_message_id: string | null;
  scheduled_for: Date | null;
  created_by: string | null;
  template_id: string | null;
  text: string;
  origin: "member" | "auto_reminder";
  last_inbound_at: Date | null;
  ai_takeover_until: Date | null;
  only_story_mentions: boolean;
  account_status: string;
  platform: string;
  human_agent_permission: boolean;
  has_feature: boolean;
  template_content: string | null;
  replied_since: boolean;
}

/**
 * Under the row's lock (so a cancellation, an edit or the contact's reply either comes first and
 * is seen here, or waits and finds the message already on its way): checks everything again at
 * `now`, renders the text and stores the message. Returns its id, or how the row ended.
 */
async function commitToSend(
  tx: Tx,
  id: string,
  now: Date,
): Promise<{ messageId: string } | Exclude<SendOutcome, "sent" | "deferred" | "unsettled">> {
  const [row] = await tx<Candidate[]>`
    select s.id, s.imo_id, s.channel_account_id, s.conversation_id, s.status::text,
      s.sent_message_id, s.scheduled_for, s.created_by, s.template_id, s.text, s.origin,
      c.last_inbound_at, c.ai_takeover_until, c.only_story_mentions, a.status::text as account_status,
      a.platform::text, a.human_agent_permission,
      private.has_feature(s.imo_id, 'instagram_scheduled_messages') as has_feature,
      t.content as template_content,
      exists (select 1 from public.messages m
        where m.conversation_id = s.conversation_id and m.direction = 'outbound'
          and m.sent_at > s.created_at and m.status <> 'failed') as replied_since
    from public.scheduled_messages s
    join public.conversations c on c.id = s.conversation_id
    join public.channel_accounts a on a.id = s.channel_account_id
    left join public.message_templates t on t.id = s.template_id
    where s.id = ${id}
    for update of s`;
  if (!row || row.status !== "pending" || row.sent_message_id) return "skipped";
  if (!row.scheduled_for || row.scheduled_for > now) return "skipped";

  const end = (status: "failed" | "expired" | "cancelled", reason: string) =>
    tx`update public.scheduled_messages set status = ${status}, last_error = ${reason},
         lease_until = null where id = ${row.id}`.then(() => status);

  if (row.platform !== "instagram" || row.account_status !== "connected") {
    return await end("failed", "The Instagram account must be reconnected before it can send");
  }
  if (!row.has_feature) {
    return await end("failed", "The plan no longer includes scheduled messages");
  }
  const window = canSend({
    lastInboundAt: row.last_inbound_at,
    now,
    author: "automation",
    hasHumanAgentPermission: row.human_agent_permission,
  });
  if (!window.allowed) return await end("expired", REFUSALS[window.reason]);
  if (row.origin === "auto_reminder") {
    const personIn = (row.ai_takeover_until && row.ai_takeover_until > now) || row.replied_since;
    if (personIn) return await end("cancelled", "A person is in the conversation");
    if (row.only_story_mentions) return await end("cancelled", "Only story mentions so far");
  }

  let text = row.text;
  if (row.template_id !== null || row.origin === "auto_reminder") {
    try {
      text = await renderForConversation(
        tx,
        row.template_content ?? row.text,
        { id: row.conversation_id },
        row.created_by,
      );
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return await end("failed", error.message);
    }
  }
  const checked = messageTextSchema.safeParse(text);
  if (!checked.success) return await end("failed", checked.error.issues[0]!.message);

  const rule: AutomationRule = row.origin === "auto_reminder"
    ? "auto_reminder"
    : "scheduled_message";
  const [message] = await tx<{ id: string }[]>`
    insert into public.messages (imo_id, channel_account_id, conversation_id, client_message_id,
      direction, author_kind, author_user_id, type, text, status, scheduled_message_id,
      automation_rule)
    values (${row.imo_id}, ${row.channel_account_id}, ${row.conversation_id}, ${row.id},
      'outbound', 'automation', ${row.created_by}, 'text', ${text}, 'pending', ${row.id}, ${rule})
    on conflict (conversation_id, client_message_id) do nothing
    returning id`;
  if (!message) {
    // the key is taken (cannot happen while the two are written together): adopt that message
    await tx`update public.scheduled_messages set sent_message_id = m.id from public.messages m
      where scheduled_messages.id = ${row.id} and m.conversation_id = ${row.conversation_id}
        and m.client_message_id = ${row.id}`;
    return "skipped";
  }
  await tx`update public.scheduled_messages set sent_message_id = ${message.id}
    where id = ${row.id}`;
  if (row.template_id) {
    await tx`update public.message_templates set use_count = use_count + 1
      where id = ${row.template_id}`;
  }
  return { messageId: message.id };
}
