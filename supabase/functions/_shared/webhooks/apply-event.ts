import type { Tx } from "../db.ts";
import { ensureConversation, recordLeadSource, type RoutedAccount } from "./conversation-upsert.ts";
import { describeMessage } from "./message-mapping.ts";
import { applyEcho } from "./outbound-echo.ts";
import { applyOrPark, applyParked, type Thread } from "./parked-events.ts";
import { type MessagingEvent, type MetaMessage, toDate } from "./payload.ts";

/** The kinds of messaging event we apply; an event with none of them is recorded, not applied. */
const KNOWN_KINDS = [
  "message",
  "message_edit",
  "postback",
  "reaction",
  "read",
  "referral",
] as const;
const ENVELOPE_KEYS = new Set(["sender", "recipient", "timestamp"]);

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
  if (!KNOWN_KINDS.some((kind) => event[kind] !== undefined)) {
    await recordUnknownEvent(tx, account, event, at, webhookEventId);
    return { contactIds: [] };
  }
  const { contactId, conversationId } = await ensureConversation(tx, account, participant);
  const thread = { account, conversationId, at, webhookEventId };

  if (event.message) {
    if (event.message.is_deleted) await applyOrPark(tx, thread, event.message.mid, "unsend", {});
    else if (fromUs || event.message.is_echo) await applyEcho(tx, thread, event.message);
    else await storeInbound(tx, thread, event.message);
  }
  if (event.message_edit) {
    await applyOrPark(tx, thread, event.message_edit.mid, "edit", event.message_edit);
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
  if (inserted) await applyParked(tx, thread.account.id, message.mid);
}

/**
 * An event of a kind we do not apply (Meta adds kinds): kept once per account for an operator,
 * without a contact or a conversation for it.
 */
async function recordUnknownEvent(
  tx: Tx,
  account: RoutedAccount,
  event: MessagingEvent,
  at: Date,
  webhookEventId: number | null,
) {
  const kinds = Object.keys(event).filter((key) => !ENVELOPE_KEYS.has(key)).sort();
  await tx`
    insert into public.webhook_unknown_events (imo_id, channel_account_id, webhook_event_id, kinds, event, occurred_at)
    values (${account.imo_id}, ${account.id}, ${webhookEventId}, ${kinds}, ${
    tx.json(event as never)
  }, ${Number.isNaN(at.getTime()) ? null : at})
    on conflict (channel_account_id, event_digest) do nothing`;
}
