import type { Tx } from "../db.ts";
import { lockAccountsForWebhooks } from "./account-lock.ts";
import { ensureConversation, recordLeadSource, type RoutedAccount } from "./conversation-upsert.ts";
import { type InboundMessage, insertInboundMessages } from "./inbound-messages.ts";
import { describeMessage } from "./message-mapping.ts";
import { applyEcho } from "./outbound-echo.ts";
import { applyOrPark, applyParkedMany, storedKey, type Thread } from "./parked-events.ts";
import { type MessagingEvent, toDate } from "./payload.ts";

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

/** A messaging event as the account sees it: who it is with, when, and what it stores. */
export interface ReadEvent {
  event: MessagingEvent;
  fromUs: boolean;
  /** the contact's IGSID */
  participant: string;
  at: Date;
  /** it has a kind we apply; if not, it is only recorded */
  known: boolean;
  /** the messages from the contact it carries (a message, a postback) */
  inbound: InboundMessage[];
}

export function readEvent(account: RoutedAccount, event: MessagingEvent): ReadEvent {
  const ours = new Set([account.external_account_id, ...account.external_ids]);
  const fromUs = ours.has(event.sender.id);
  const participant = fromUs ? event.recipient.id : event.sender.id;
  const inbound: InboundMessage[] = [];
  const message = event.message;
  if (message && !message.is_deleted && !fromUs && !message.is_echo) {
    inbound.push({ mid: message.mid, ...describeMessage(message), postbackPayload: null });
  }
  if (event.postback) {
    inbound.push({
      mid: event.postback.mid ?? `postback:${participant}:${event.timestamp}`,
      type: "postback",
      text: event.postback.title ?? null,
      postbackPayload: event.postback.payload ?? null,
    });
  }
  return {
    event,
    fromUs,
    participant,
    at: toDate(event.timestamp),
    known: KNOWN_KINDS.some((kind) => event[kind] !== undefined),
    inbound,
  };
}

/**
 * Applies one messaging event to the tables, idempotently: a mid is stored once per account, a
 * repeated reaction or read lands on the same state. Runs inside the caller's transaction, which
 * it begins with the account's webhook lock (account-lock.ts).
 */
export async function applyMessagingEvent(
  tx: Tx,
  account: RoutedAccount,
  event: MessagingEvent,
  /** the ledger row it came from; null for events rebuilt by the conversation sync */
  webhookEventId: number | null,
): Promise<Applied> {
  await lockAccountsForWebhooks(tx, [account.id]);
  const read = readEvent(account, event);
  if (!read.known) {
    await recordUnknownEvent(tx, account, read, webhookEventId);
    return { contactIds: [] };
  }
  const { contactId, conversationId } = await ensureConversation(tx, account, read.participant);
  const thread = { account, conversationId, at: read.at, webhookEventId };
  const stored = await insertInboundMessages(
    tx,
    read.inbound.map((message) => ({
      ...message,
      imoId: account.imo_id,
      accountId: account.id,
      conversationId,
      sentAt: read.at,
    })),
  );
  await applyParkedMany(tx, stored, { accountLocked: true });
  await applyRest(tx, thread, read);
  return { contactIds: [contactId] };
}

/**
 * Everything of an event but storing the contact's messages (insertInboundMessages, applied
 * first): unsends, echoes, edits, reactions, reads and lead sources. Each waits for its message
 * if it is not stored yet, so it ends the same whichever comes first.
 */
export async function applyRest(tx: Tx, thread: Thread, read: ReadEvent) {
  const { event, fromUs } = read;
  if (event.message) {
    if (event.message.is_deleted) await applyOrPark(tx, thread, event.message.mid, "unsend", {});
    else if (fromUs || event.message.is_echo) {
      const key = storedKey(thread.account.id, event.message.mid);
      // a batch marked the echoes of stored messages `sent` in one statement (process-batch.ts)
      if (!thread.stored?.get(key)) {
        await applyEcho(tx, thread, event.message);
        thread.stored?.delete(key);
      }
    } else if (event.message.referral) {
      await recordLeadSource(tx, thread.conversationId, event.message.referral, thread.at);
    }
  }
  if (event.message_edit) {
    await applyOrPark(tx, thread, event.message_edit.mid, "edit", event.message_edit);
  }
  if (event.reaction) {
    await applyOrPark(tx, thread, event.reaction.mid, "reaction", {
      ...event.reaction,
      by: fromUs ? "user" : "contact",
    });
  }
  if (event.read && !fromUs) await applyOrPark(tx, thread, event.read.mid, "read", event.read);
  if (event.referral) await recordLeadSource(tx, thread.conversationId, event.referral, thread.at);
}

/** The mids applyRest looks for (messages the event changes or refers to). */
export function restMids(read: ReadEvent): string[] {
  const { event } = read;
  return [
    ...(event.message && !read.inbound.some((m) => m.mid === event.message!.mid)
      ? [event.message.mid]
      : []),
    ...(event.message_edit ? [event.message_edit.mid] : []),
    ...(event.reaction ? [event.reaction.mid] : []),
    ...(event.read && !read.fromUs ? [event.read.mid] : []),
  ];
}

/** Whether the event's message is an echo of ours (applyEcho). */
export const isEcho = (read: ReadEvent) =>
  Boolean(
    read.event.message && !read.event.message.is_deleted &&
      (read.fromUs || read.event.message.is_echo),
  );

/** Whether applyRest has anything to do for the event. */
export function hasRest(read: ReadEvent): boolean {
  const { event } = read;
  return Boolean(
    (event.message && (event.message.is_deleted || read.fromUs || event.message.is_echo ||
      event.message.referral)) ||
      event.message_edit || event.reaction ||
      (event.read && !read.fromUs) || event.referral,
  );
}

/**
 * An event of a kind we do not apply (Meta adds kinds): kept once per account for an operator,
 * without a contact or a conversation for it.
 */
export async function recordUnknownEvent(
  tx: Tx,
  account: RoutedAccount,
  read: ReadEvent,
  webhookEventId: number | null,
) {
  const kinds = Object.keys(read.event).filter((key) => !ENVELOPE_KEYS.has(key)).sort();
  await tx`
    insert into public.webhook_unknown_events (imo_id, channel_account_id, webhook_event_id, kinds, event, occurred_at)
    values (${account.imo_id}, ${account.id}, ${webhookEventId}, ${kinds}, ${
    tx.json(read.event as never)
  }, ${Number.isNaN(read.at.getTime()) ? null : read.at})
    on conflict (channel_account_id, event_digest) do nothing`;
}
