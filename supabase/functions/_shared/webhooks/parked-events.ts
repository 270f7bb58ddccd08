import type { Tx } from "../db.ts";
import type { RoutedAccount } from "./conversation-upsert.ts";

/** Where an event lands: the routed account, its conversation, the event time, the ledger row. */
export interface Thread {
  account: RoutedAccount;
  conversationId: string;
  at: Date;
  webhookEventId: number | null;
}

export type ParkedKind = "reaction" | "read";

/**
 * A reaction or a read applies to its message; when the message is not stored yet it waits in
 * webhook_pending_events until the message arrives (applyParked).
 */
export async function applyOrPark(
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
export async function lockMid(tx: Tx, accountId: string, mid: string) {
  await tx`select pg_advisory_xact_lock(hashtextextended(${accountId}::text || ':' || ${mid}::text, 0))`;
}

/** Applies, in event order, what waited for the message `mid` that was just stored. */
export async function applyParked(tx: Tx, accountId: string, mid: string) {
  await lockMid(tx, accountId, mid);
  const parked = await tx<
    { id: string; kind: ParkedKind; event: Record<string, unknown>; occurred_at: Date }[]
  >`
    delete from public.webhook_pending_events
    where channel_account_id = ${accountId} and external_message_id = ${mid}
    returning id, kind, event, occurred_at`;
  if (parked.length === 0) return;
  const [target] = await tx<{ id: string; conversation_id: string; sent_at: Date }[]>`
    select id, conversation_id, sent_at from public.messages
    where channel_account_id = ${accountId} and external_id = ${mid}`;
  for (
    const event of parked.sort((a, b) =>
      a.occurred_at.getTime() - b.occurred_at.getTime() || Number(a.id) - Number(b.id)
    )
  ) {
    await applyToMessage(tx, target!, event.kind, event.event, event.occurred_at);
  }
}
