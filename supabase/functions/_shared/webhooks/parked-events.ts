import type { Tx } from "../db.ts";
import type { RoutedAccount } from "./conversation-upsert.ts";
import { applyEdit, applyUnsend, type StoredMessage } from "./message-changes.ts";

/** Where an event lands: the routed account, its conversation, the event time, the ledger row. */
export interface Thread {
  account: RoutedAccount;
  conversationId: string;
  at: Date;
  webhookEventId: number | null;
  /**
   * Set by a batch (process-batch.ts) that locked every mid it touches and looked their messages
   * up, by storedKey: the message, or null when none is stored. A mid it lacks is looked up.
   */
  stored?: Map<string, StoredMessage | null>;
}

export const storedKey = (accountId: string, mid: string) => `${accountId}:${mid}`;

export type ParkedKind = "reaction" | "read" | "unsend" | "edit";

/**
 * A reaction, a read, an unsend or an edit applies to its message; when the message is not stored
 * yet it waits in webhook_pending_events until the message arrives (applyParked), for 7 days at
 * most (expires_at, README "Events waiting for their message").
 */
export async function applyOrPark(
  tx: Tx,
  thread: Thread,
  mid: string,
  kind: ParkedKind,
  event: Record<string, unknown>,
) {
  let target = thread.stored?.get(storedKey(thread.account.id, mid));
  if (target === undefined) {
    await lockMid(tx, thread.account.id, mid);
    [target] = await tx<StoredMessage[]>`
      select id, conversation_id, sent_at from public.messages
      where channel_account_id = ${thread.account.id} and external_id = ${mid}`;
  }
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
  target: StoredMessage,
  kind: ParkedKind,
  event: Record<string, unknown>,
  at: Date,
) {
  if (kind === "read") {
    // a read receipt covers our messages up to and including the one named, but only those Meta
    // accepted (they carry its mid): a reply still queued, or never sent, was not read. Read at
    // the earliest receipt that covers it, whichever receipt arrives first.
    await tx`
      update public.messages set status = 'read', read_at = least(read_at, ${at})
      where conversation_id = ${target.conversation_id} and direction = 'outbound'
        and external_id is not null and sent_at <= ${target.sent_at}
        and (status in ('pending', 'sent', 'delivered') or (status = 'read' and read_at > ${at}))`;
    return;
  }
  if (kind === "unsend") return await applyUnsend(tx, target, at);
  if (kind === "edit") return await applyEdit(tx, target, event, at);
  // one reaction per person, the one of their latest reaction event: an older event that arrives
  // later (an unreact before the react it undoes) changes nothing, nor does the same one again
  const by = String(event.by);
  const reaction = event.action === "react"
    ? [{ by, reaction: event.reaction ?? null, emoji: event.emoji ?? null, at: at.toISOString() }]
    : [];
  await tx`
    update public.messages m set reactions = n.reactions,
      reactions_changed_at = m.reactions_changed_at || jsonb_build_object(${by}::text, ${at}::timestamptz)
    from (
      select id, coalesce((
          select jsonb_agg(r) from jsonb_array_elements(reactions) r where r ->> 'by' <> ${by}
        ), '[]'::jsonb) || ${tx.json(reaction as never)}::jsonb as reactions,
        -- rows reacted to before reactions_changed_at existed: their reaction's own time
        coalesce((reactions_changed_at ->> ${by})::timestamptz, (
          select max((r ->> 'at')::timestamptz) from jsonb_array_elements(reactions) r
          where r ->> 'by' = ${by})) as changed_at
      from public.messages where id = ${target.id}
    ) n
    where m.id = n.id and (n.changed_at is null or n.changed_at < ${at})`;
}

/**
 * Parking an event and storing its message are serialised per mid: without it, a reaction that
 * looks for its message while the message's own transaction is still open (concurrent
 * deliveries) is parked after that transaction looked for parked events, and never applied.
 */
export async function lockMid(tx: Tx, accountId: string, mid: string) {
  await lockMids(tx, [{ accountId, mid }]);
}

/** A message of an account, by Meta's mid. */
export interface AccountMid {
  accountId: string;
  mid: string;
}

/**
 * lockMid for many mids in one statement, in the order of their keys: two transactions that each
 * hold several never wait for each other in a circle.
 */
export async function lockMids(tx: Tx, mids: AccountMid[]) {
  await tx`
    select pg_advisory_xact_lock(k) from (
      select distinct hashtextextended(u.account_id::text || ':' || u.mid, 0) as k
      from unnest(${mids.map((m) => m.accountId)}::text[], ${
    mids.map((m) => m.mid)
  }::text[]) as u (account_id, mid)
      order by k
    ) keys`;
}

/**
 * Applies what waited for the message `mid` that was just stored: replies to it that came first
 * are linked to it, and the parked events that have not expired are applied in event order.
 */
export async function applyParked(tx: Tx, accountId: string, mid: string) {
  await applyParkedMany(tx, [{ accountId, mid }]);
}

/**
 * applyParked for many stored messages, in one statement (a batch of accepted sends). The contact's
 * messages are stored under their account's webhook lock (`accountLocked`), which everything that
 * parks holds too (account-lock.ts): they need no lock per mid, a batch's thousand locks in
 * Postgres' shared lock table.
 */
export async function applyParkedMany(
  tx: Tx,
  stored: AccountMid[],
  { accountLocked = false }: { accountLocked?: boolean } = {},
) {
  if (stored.length === 0) return;
  if (!accountLocked) await lockMids(tx, stored);
  const rows = await tx<
    (StoredMessage & {
      kind: ParkedKind;
      event: Record<string, unknown>;
      occurred_at: Date;
    })[]
  >`
    with input as (
      select * from unnest(${stored.map((m) => m.accountId)}::uuid[], ${
    stored.map((m) => m.mid)
  }::text[]) as i (channel_account_id, external_id)
    ), target as (
      select m.id, m.conversation_id, m.sent_at, m.channel_account_id, m.external_id
      from input i join public.messages m
        on m.channel_account_id = i.channel_account_id and m.external_id = i.external_id
    ), linked as (
      update public.messages r set reply_to_message_id = t.id from target t
      where r.conversation_id = t.conversation_id and r.reply_to_external_id = t.external_id
        and r.reply_to_external_id is not null and r.reply_to_message_id is null
    ), parked as (
      delete from public.webhook_pending_events p using input i
      where p.channel_account_id = i.channel_account_id and p.external_message_id = i.external_id
        and p.expires_at > now()
      returning p.id, p.channel_account_id, p.external_message_id, p.kind, p.event, p.occurred_at
    )
    select t.id, t.conversation_id, t.sent_at, p.kind, p.event, p.occurred_at
    from target t join parked p
      on p.channel_account_id = t.channel_account_id and p.external_message_id = t.external_id
    order by t.id, p.occurred_at, p.id`;
  for (const row of rows) await applyToMessage(tx, row, row.kind, row.event, row.occurred_at);
}
