import { messageTextSchema } from "../../../../shared/src/rules/message-text.ts";
import { canSend, type SendRefusalReason } from "../../../../shared/src/rules/messaging-window.ts";
import type { AutomationRule } from "../../../../shared/src/schemas/message.ts";
import { asService, type Tx } from "../db.ts";
import { HttpError } from "../http.ts";
import {
  type AcceptedReply,
  decryptToken,
  deliverQueuedReply,
  loadQueuedReplies,
  type QueuedReply,
  recordAccepted,
} from "../send/deliver-reply.ts";
import { renderForConversation } from "../templates/render-for-conversation.ts";
import type { ClaimedRow } from "./claim-due.ts";
import { coalesce } from "./coalesce.ts";
import { governorSlots } from "./governor-slots.ts";

export type SendOutcome =
  | "sent"
  | "failed"
  | "expired"
  | "cancelled"
  /** no longer this run's to send: cancelled, rescheduled or finished meanwhile */
  | "skipped";

/** A stored message waits this long at most for the governor, then fails unsent. */
const MAX_GOVERNOR_WAIT_MS = 60_000;
/** Rows decided, and replies loaded, in one transaction at most. */
const MAX_BATCH = 50;

const WINDOW_CLOSED = "The 24-hour messaging window closed before it could be sent";
const REFUSALS: Record<SendRefusalReason, string> = {
  no_inbound_message: "The contact has never written, so Instagram allows no message",
  window_closed: WINDOW_CLOSED,
  human_agent_expired: WINDOW_CLOSED,
  human_agent_requires_person: WINDOW_CLOSED,
};

/**
 * The sender of one pass (`send`, then `settled` once everything is sent). Each claimed row is sent the way a person's reply is: the window rules
 * at `clock()` (for an automation author: inside 24 h only, never the HUMAN_AGENT tag), the
 * message stored `pending` under an idempotency key (the schedule's id as client_message_id), a
 * slot from the rate governor, then one call to Meta (deliverQueuedReply, the send path's own).
 * The row ends as its message ends (trigger settle_scheduled_message), or expired, cancelled or
 * failed with the reason. Rows sent side by side share their transactions (coalesce), Meta's
 * answers included: under the rate, a busy pass costs three short transactions per batch of
 * messages (store, slots, answers).
 */
export function scheduledSender(clock: () => Date) {
  const commit = coalesce((ids: string[]) => commitToSend(ids, clock()), MAX_BATCH);
  const slot = governorSlots("send_text", MAX_GOVERNOR_WAIT_MS);
  const load = coalesce(async (ids: string[]) => {
    const replies = new Map((await loadQueuedReplies(ids)).map((reply) => [reply.id, reply]));
    return ids.map((id) => replies.get(id) ?? null);
  }, MAX_BATCH);
  const recordTogether = coalesce(recordEach, MAX_BATCH);
  // Meta's answer is stored in the background: a conversation's next message waits for Meta to
  // have answered this one (their order), not for the transaction that stores the answer
  const recording = new Set<Promise<void>>();
  let unrecorded = 0;
  const record = (accepted: AcceptedReply) => {
    const stored: Promise<void> = recordTogether(accepted)
      .then((error) => {
        if (!error) return;
        // the row keeps its lease and its message stays `pending` until the echo adopts it
        unrecorded++;
        console.error(`[process-scheduled] answer for ${accepted.reply.id}: ${error.message}`);
      })
      .finally(() => recording.delete(stored));
    recording.add(stored);
    return Promise.resolve();
  };
  // decrypting costs more than the rest of a send: once per account and pass (a reconnected
  // account's new token is a new ciphertext)
  const tokens = new Map<string, Promise<string>>();
  const token = (ciphertext: string) => {
    let plain = tokens.get(ciphertext);
    if (!plain) {
      plain = decryptToken(ciphertext);
      // an unreadable token is tried again by the next send, and recorded by each
      plain.catch(() => tokens.delete(ciphertext));
      tokens.set(ciphertext, plain);
    }
    return plain;
  };

  async function send(row: ClaimedRow): Promise<SendOutcome> {
    const decision = await commit(row.id);
    if (typeof decision === "string") return decision;
    let reply: QueuedReply | null = decision.reply;
    try {
      const waited = await slot(row.channel_account_id);
      // read again after a wait for the governor: the account may have been reconnected or
      // disconnected meanwhile, and an echo or another attempt may have finished the message
      if (waited) reply = await load(reply.id);
    } catch (error) {
      await failUnsent(decision.reply.id, (error as Error).message);
      return "failed";
    }
    if (!reply) return "skipped";
    // never a tag: automation may not send after the 24 h window
    return await deliverQueuedReply(reply, { record, token });
  }

  /** Waits for every answer to be stored; returns how many could not be (counted as sent). */
  async function settled() {
    while (recording.size) await Promise.all(recording);
    return unrecorded;
  }

  return { send, settled };
}

/**
 * Meta's answers of sends side by side, stored in one transaction. Should it fail, each is stored
 * on its own: one the batch could not store must not leave the others `pending` after Meta sent
 * them. One error (or null) per answer, in order.
 */
async function recordEach(accepted: AcceptedReply[]): Promise<(Error | null)[]> {
  try {
    await recordAccepted(accepted);
    return accepted.map(() => null);
  } catch (error) {
    if (accepted.length === 1) return [error as Error];
    const errors: (Error | null)[] = [];
    for (const one of accepted) {
      errors.push(await recordAccepted([one]).then(() => null, (error: Error) => error));
    }
    return errors;
  }
}

/** To send, with what sending it needs, read under the rows' locks; or how the row ended. */
type Decision = { reply: QueuedReply } | Exclude<SendOutcome, "sent">;

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
  recipient_id: string;
  auth_path: QueuedReply["auth_path"];
  external_account_id: string;
  facebook_page_id: string | null;
  access_token_encrypted: string | null;
}

/** What becomes of a row at `now`, before its text: skipped, ended with a reason, or sent. */
function judge(row: Candidate | undefined, now: Date) {
  if (!row || row.status !== "pending" || row.sent_message_id) return "skipped" as const;
  // rescheduled meanwhile
  if (!row.scheduled_for || row.scheduled_for > now) return "skipped" as const;
  const end = (status: "failed" | "expired" | "cancelled", reason: string) => ({ status, reason });
  if (row.platform !== "instagram" || row.account_status !== "connected") {
    return end("failed", "The Instagram account must be reconnected before it can send");
  }
  if (!row.has_feature) return end("failed", "The plan no longer includes scheduled messages");
  const window = canSend({
    lastInboundAt: row.last_inbound_at,
    now,
    author: "automation",
    hasHumanAgentPermission: row.human_agent_permission,
  });
  if (!window.allowed) return end("expired", REFUSALS[window.reason]);
  if (row.origin === "auto_reminder") {
    const personIn = (row.ai_takeover_until && row.ai_takeover_until > now) || row.replied_since;
    if (personIn) return end("cancelled", "A person is in the conversation");
    if (row.only_story_mentions) return end("cancelled", "Only story mentions so far");
  }
  return "send" as const;
}

/**
 * Under the rows' locks (taken in id order; a cancellation, an edit or the contact's reply either
 * came first and is seen here, or waits and finds the message already on its way): judges each
 * row again at `now`, renders its text, stores the messages and links them to their rows. One
 * transaction for the batch; one decision per id, in order.
 */
async function commitToSend(ids: string[], now: Date): Promise<Decision[]> {
  return await asService(async (tx) => {
    const rows = await tx<Candidate[]>`
      select s.id, s.imo_id, s.channel_account_id, s.conversation_id, s.status::text,
        s.sent_message_id, s.scheduled_for, s.created_by, s.template_id, s.text, s.origin,
        c.last_inbound_at, c.ai_takeover_until, c.only_story_mentions,
        a.status::text as account_status, a.platform::text, a.human_agent_permission,
        private.has_feature(s.imo_id, 'instagram_scheduled_messages') as has_feature,
        t.content as template_content, k.external_id as recipient_id, a.auth_path::text,
        a.external_account_id, a.facebook_page_id, a.access_token_encrypted,
        s.origin = 'auto_reminder' and exists (select 1 from public.messages m
          where m.conversation_id = s.conversation_id and m.direction = 'outbound'
            and m.sent_at > s.created_at and m.status <> 'failed') as replied_since
      from public.scheduled_messages s
      join public.conversations c on c.id = s.conversation_id
      join public.contacts k on k.id = c.contact_id
      join public.channel_accounts a on a.id = s.channel_account_id
      left join public.message_templates t on t.id = s.template_id
      where s.id = any(${ids}::uuid[])
      order by s.id
      for update of s`;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const decisions = new Map<string, Decision>();
    const ended: { id: string; status: string; reason: string }[] = [];
    const outgoing: (Candidate & { rendered: string })[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      const verdict = judge(row, now);
      if (verdict === "skipped") decisions.set(id, "skipped");
      else if (verdict !== "send") {
        ended.push({ id, ...verdict });
        decisions.set(id, verdict.status);
      } else {
        const text = await renderedText(tx, row!);
        if (text.ok) outgoing.push({ ...row!, rendered: text.value });
        else {
          ended.push({ id, status: "failed", reason: text.reason });
          decisions.set(id, "failed");
        }
      }
    }
    if (ended.length) {
      await tx`
        update public.scheduled_messages s set status = e.status::public.scheduled_message_status,
          last_error = e.reason, lease_until = null
        from jsonb_to_recordset(${tx.json(ended)}) as e (id uuid, status text, reason text)
        where s.id = e.id`;
    }
    const skipped = ids.filter((id) => decisions.get(id) === "skipped");
    if (skipped.length) {
      await tx`update public.scheduled_messages set lease_until = null
        where id = any(${skipped}::uuid[]) and status = 'pending' and sent_message_id is null`;
    }
    if (outgoing.length) {
      const rows = new Map(outgoing.map((row) => [row.id, row]));
      for (const message of await storeMessages(tx, outgoing)) {
        const row = rows.get(message.id)!;
        decisions.set(message.id, {
          reply: {
            id: message.message_id,
            imo_id: row.imo_id,
            channel_account_id: row.channel_account_id,
            text: message.text,
            attachments: [],
            recipient_id: row.recipient_id,
            // a scheduled message answers the conversation, never a comment privately
            recipient_comment_id: null,
            auth_path: row.auth_path,
            external_account_id: row.external_account_id,
            facebook_page_id: row.facebook_page_id,
            access_token_encrypted: row.access_token_encrypted,
          },
        });
      }
    }
    return ids.map((id) => decisions.get(id) ?? "skipped");
  });
}

/** The text to send: a template (or a reminder's default text) rendered now, checked for size. */
async function renderedText(
  tx: Tx,
  row: Candidate,
): Promise<{ ok: true; value: string } | { ok: false; reason: string }> {
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
      return { ok: false, reason: error.message };
    }
  }
  const checked = messageTextSchema.safeParse(text);
  return checked.success
    ? { ok: true, value: text }
    : { ok: false, reason: checked.error.issues[0]!.message };
}

/**
 * The messages of `rows`, `pending`, written by automation with their provenance; each row
 * links to its message. In conversation order, the order every writer locks conversations in.
 * Returns the rows whose message is still to send: their id, the message's id and its text.
 */
async function storeMessages(tx: Tx, rows: (Candidate & { rendered: string })[]) {
  const values = rows
    .toSorted((a, b) => a.conversation_id.localeCompare(b.conversation_id))
    .map((row) => ({
      imo_id: row.imo_id,
      channel_account_id: row.channel_account_id,
      conversation_id: row.conversation_id,
      client_message_id: row.id,
      author_user_id: row.created_by,
      text: row.rendered,
      automation_rule:
        (row.origin === "auto_reminder"
          ? "auto_reminder"
          : "scheduled_message") satisfies AutomationRule,
    }));
  await tx`
    insert into public.messages (imo_id, channel_account_id, conversation_id, client_message_id,
      direction, author_kind, author_user_id, type, text, status, scheduled_message_id,
      automation_rule)
    select m.imo_id, m.channel_account_id, m.conversation_id, m.client_message_id, 'outbound',
      'automation', m.author_user_id, 'text', m.text, 'pending', m.client_message_id,
      m.automation_rule
    from jsonb_to_recordset(${tx.json(values)}) as m (imo_id uuid, channel_account_id uuid,
      conversation_id uuid, client_message_id uuid, author_user_id uuid, text text,
      automation_rule text)
    on conflict (conversation_id, client_message_id) do nothing`;
  // by the key, so a message a lost run stored (it cannot be, but) is adopted, not sent again
  const linked = await tx<
    { id: string; message_id: string; text: string | null; fresh: boolean }[]
  >`
    update public.scheduled_messages s set sent_message_id = m.id
    from public.messages m
    where s.id = any(${rows.map((row) => row.id)}::uuid[])
      and m.conversation_id = s.conversation_id and m.client_message_id = s.id
    returning s.id, m.id as message_id, m.text,
      m.status = 'pending' and m.external_id is null as fresh`;
  const templates = rows.flatMap((row) => row.template_id ? [row.template_id] : []);
  if (templates.length) {
    await tx`
      update public.message_templates t set use_count = t.use_count + used.n
      from (select id, count(*)::int as n from unnest(${templates}::uuid[]) as id group by id) used
      where t.id = used.id`;
  }
  return linked.filter((row) => row.fresh);
}

/** A message the governor had no room for in time: `failed`, Meta never called. */
async function failUnsent(messageId: string, reason: string) {
  await asService((tx) =>
    tx`update public.messages set status = 'failed', error_code = 'rate_limited',
         error_message = ${reason}
       where id = ${messageId} and status = 'pending' and external_id is null`
  );
}
