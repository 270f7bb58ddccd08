import type { Tx } from "../db.ts";
import { ensureConversation, recordLeadSource, type RoutedAccount } from "./conversation-upsert.ts";
import { describeMessage } from "./message-mapping.ts";
import { type MessagingEvent, type MetaMessage, toDate } from "./payload.ts";

/** A person replying from the Instagram app takes the conversation over from the AI for this long. */
const TAKEOVER_LEASE = "30 minutes";

export interface Applied {
  /** contacts seen by this event, for the profile fetch that follows ingestion */
  contactIds: string[];
}

/**
 * Applies one messaging event to the tables, idempotently: a mid is stored once per account, a
 * repeated reaction or read lands on the same state. Runs inside the caller's transaction.
 */
export async function applyMessagingEvent(
  tx: Tx,
  account: RoutedAccount,
  event: MessagingEvent,
  /** the ledger row it came from; null for events rebuilt by the conversation sync */
  webhookEventId: number | null,
): Promise<Applied> {
  const ours = new Set([account.external_account_id, ...account.external_ids]);
  const fromUs = ours.has(event.sender.id);
  const participant = fromUs ? event.recipient.id : event.sender.id;
  const at = toDate(event.timestamp);
  const { contactId, conversationId } = await ensureConversation(tx, account, participant);
  const thread = { account, conversationId, at, webhookEventId };

  if (event.message) {
    if (event.message.is_deleted) await deleteMessage(tx, account.id, event.message.mid, at);
    else if (fromUs || event.message.is_echo) await applyEcho(tx, thread, event.message);
    else await storeInbound(tx, thread, event.message);
  }
  if (event.postback) {
    const mid = event.postback.mid ?? `postback:${participant}:${event.timestamp}`;
    await insertInbound(tx, thread, {
      mid,
      type: "postback",
      text: event.postback.title ?? null,
      postbackPayload: event.postback.payload ?? null,
    });
  }
  if (event.reaction) {
    await applyOrPark(tx, thread, event.reaction.mid, "reaction", {
      ...event.reaction,
      by: fromUs ? "user" : "contact",
    });
  }
  if (event.read && !fromUs) await applyOrPark(tx, thread, event.read.mid, "read", event.read);
  if (event.referral) await recordLeadSource(tx, conversationId, event.referral, at);
  return { contactIds: [contactId] };
}

interface Thread {
  account: RoutedAccount;
  conversationId: string;
  at: Date;
  webhookEventId: number | null;
}

async function storeInbound(tx: Tx, thread: Thread, message: MetaMessage) {
  const described = describeMessage(message);
  await insertInbound(tx, thread, { mid: message.mid, ...described, postbackPayload: null });
  if (message.referral) {
    await recordLeadSource(tx, thread.conversationId, message.referral, thread.at);
  }
}

async function insertInbound(
  tx: Tx,
  thread: Thread,
  message: {
    mid: string;
    type: string;
    text: string | null;
    attachments?: unknown[];
    replyToExternalId?: string | null;
    replyToStory?: unknown;
    quickReplyPayload?: string | null;
    postbackPayload: string | null;
  },
) {
  const [inserted] = await tx<{ id: string }[]>`
    insert into public.messages (
      imo_id, channel_account_id, conversation_id, external_id, direction, author_kind, type, text,
      attachments, reply_to_external_id, reply_to_message_id, reply_to_story, quick_reply_payload,
      postback_payload, status, sent_at
    ) values (
      ${thread.account.imo_id}, ${thread.account.id}, ${thread.conversationId}, ${message.mid}, 'inbound', 'contact',
      ${message.type}, ${message.text}, ${tx.json((message.attachments ?? []) as never)},
      ${message.replyToExternalId ?? null},
      (select id from public.messages where channel_account_id = ${thread.account.id}
         and conversation_id = ${thread.conversationId} and external_id = ${
    message.replyToExternalId ?? null
  }),
      ${message.replyToStory ? tx.json(message.replyToStory as never) : null}, ${
    message.quickReplyPayload ?? null
  },
      ${message.postbackPayload}, 'sent', ${thread.at}
    )
    on conflict (channel_account_id, external_id) do nothing
    returning id`;
  if (inserted) await applyParked(tx, thread, message.mid);
}

/**
 * An echo of a message we sent is matched by mid to the row the send stored; an echo we have no
 * row for was typed in the Instagram app: a human reply, so it also takes over from the AI.
 */
async function applyEcho(tx: Tx, thread: Thread, message: MetaMessage) {
  const [existing] = await tx<{ id: string }[]>`
    update public.messages set status = case when status in ('pending', 'failed') then 'sent'::public.message_status else status end
    where channel_account_id = ${thread.account.id} and external_id = ${message.mid}
    returning id`;
  if (existing) return;
  const described = describeMessage(message);
  const [inserted] = await tx<{ id: string }[]>`
    insert into public.messages (
      imo_id, channel_account_id, conversation_id, external_id, direction, author_kind, type, text, attachments,
      reply_to_external_id, reply_to_message_id, status, sent_at
    ) values (
      ${thread.account.imo_id}, ${thread.account.id}, ${thread.conversationId}, ${message.mid}, 'outbound', 'native_app',
      ${described.type}, ${described.text}, ${
    tx.json(described.attachments as never)
  }, ${described.replyToExternalId},
      (select id from public.messages where channel_account_id = ${thread.account.id}
         and conversation_id = ${thread.conversationId} and external_id = ${described.replyToExternalId}),
      'sent', ${thread.at}
    )
    on conflict (channel_account_id, external_id) do nothing
    returning id`;
  if (!inserted) return;
  await tx`
    update public.conversations set ai_takeover_until = greatest(ai_takeover_until, ${thread.at}::timestamptz + ${TAKEOVER_LEASE}::interval),
      ai_takeover_by = null
    where id = ${thread.conversationId} and ai_mode <> 'off'`;
  await applyParked(tx, thread, message.mid);
}

/** The contact unsent the message: its content goes, the row stays so the thread keeps its shape. */
async function deleteMessage(tx: Tx, accountId: string, mid: string, at: Date) {
  const [deleted] = await tx<{ conversation_id: string; sent_at: Date }[]>`
    update public.messages set deleted_at = coalesce(deleted_at, ${at}), text = null, attachments = '[]'::jsonb
    where channel_account_id = ${accountId} and external_id = ${mid}
    returning conversation_id, sent_at`;
  if (!deleted) return;
  // the inbox list must not keep showing what the contact took back
  await tx`
    update public.conversations set last_message_preview = 'Unsent a message'
    where id = ${deleted.conversation_id} and last_message_at = ${deleted.sent_at}
      and last_message_preview is distinct from 'Unsent a message'`;
}

type ParkedKind = "reaction" | "read";

async function applyOrPark(
  tx: Tx,
  thread: Thread,
  mid: string,
  kind: ParkedKind,
  event: Record<string, unknown>,
) {
  await lockMid(tx, thread.account.id, mid);
  const [target] = await tx<{ id: string; conversation_id: string; sent_at: Date }[]>`
    select id, conversation_id, sent_at from public.messages
    where channel_account_id = ${thread.account.id} and external_id = ${mid}`;
  if (!target) {
    // the message is not here yet (Meta does not keep order): applied when it arrives. Parked
    // once: a redelivery, or a delivery finished after a crash, brings the same event again.
    await tx`
      insert into public.webhook_pending_events (imo_id, channel_account_id, external_message_id, kind, event, webhook_event_id, occurred_at)
      select ${thread.account.imo_id}, ${thread.account.id}, ${mid}, ${kind}, ${
      tx.json(event as never)
    }::jsonb, ${thread.webhookEventId}, ${thread.at}
      where not exists (
        select 1 from public.webhook_pending_events
        where channel_account_id = ${thread.account.id} and external_message_id = ${mid}
          and kind = ${kind} and occurred_at = ${thread.at} and event = ${
      tx.json(event as never)
    }::jsonb)`;
    return;
  }
  await applyToMessage(tx, target, kind, event, thread.at);
}

async function applyToMessage(
  tx: Tx,
  target: { id: string; conversation_id: string; sent_at: Date },
  kind: ParkedKind,
  event: Record<string, unknown>,
  at: Date,
) {
  if (kind === "read") {
    // a read receipt covers our messages up to and including the one named, but only those Meta
    // accepted (they carry its mid): a reply still queued, or never sent, was not read
    await tx`
      update public.messages set status = 'read', read_at = coalesce(read_at, ${at})
      where conversation_id = ${target.conversation_id} and direction = 'outbound'
        and external_id is not null and status in ('pending', 'sent', 'delivered')
        and sent_at <= ${target.sent_at}`;
    return;
  }
  const by = String(event.by);
  const reaction = event.action === "react"
    ? [{ by, reaction: event.reaction ?? null, emoji: event.emoji ?? null, at: at.toISOString() }]
    : [];
  await tx`
    update public.messages set reactions = coalesce((
        select jsonb_agg(r) from jsonb_array_elements(reactions) r where r ->> 'by' <> ${by}
      ), '[]'::jsonb) || ${tx.json(reaction as never)}
    where id = ${target.id}`;
}

/**
 * Parking an event and storing its message are serialised per mid: without it, a reaction that
 * looks for its message while the message's own transaction is still open (concurrent
 * deliveries) is parked after that transaction looked for parked events, and never applied.
 */
async function lockMid(tx: Tx, accountId: string, mid: string) {
  await tx`select pg_advisory_xact_lock(hashtextextended(${accountId}::text || ':' || ${mid}::text, 0))`;
}

async function applyParked(tx: Tx, thread: Thread, mid: string) {
  await lockMid(tx, thread.account.id, mid);
  const parked = await tx<
    { id: string; kind: ParkedKind; event: Record<string, unknown>; occurred_at: Date }[]
  >`
    delete from public.webhook_pending_events
    where channel_account_id = ${thread.account.id} and external_message_id = ${mid}
    returning id, kind, event, occurred_at`;
  if (parked.length === 0) return;
  const [target] = await tx<{ id: string; conversation_id: string; sent_at: Date }[]>`
    select id, conversation_id, sent_at from public.messages
    where channel_account_id = ${thread.account.id} and external_id = ${mid}`;
  for (
    const event of parked.sort((a, b) =>
      a.occurred_at.getTime() - b.occurred_at.getTime() || Number(a.id) - Number(b.id)
    )
  ) {
    await applyToMessage(tx, target!, event.kind, event.event, event.occurred_at);
  }
}
