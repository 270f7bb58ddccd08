import { mayRelease } from "../automation/released-messages.ts";
import { asService, type Tx } from "../db.ts";
import { lockAccountsForWebhooks } from "./account-lock.ts";
import { markWebhookSeen } from "./webhook-seen.ts";
import {
  applyRest,
  hasRest,
  isEcho,
  type ReadEvent,
  readEvent,
  recordUnknownEvent,
  restMids,
} from "./apply-event.ts";
import {
  ensureConversations,
  findConversations,
  type RoutedAccount,
  threadKey,
} from "./conversation-upsert.ts";
import { parseEvent } from "./event-failures.ts";
import { type InboundRow, insertInboundMessages, texts } from "./inbound-messages.ts";
import type { StoredMessage } from "./message-changes.ts";
import { type AccountMid, applyParkedMany, lockMids, storedKey } from "./parked-events.ts";
import { changesOf } from "./comment-payload.ts";
import { parseEnvelope, processDelivery, routeEntries } from "./process-delivery.ts";

export interface BatchOptions {
  /** test hook: everything applied, then the process dies before the commit */
  crashBeforeCommit?: boolean;
  /**
   * Called once the batch's transaction is over, before the deliveries that go on their own are
   * processed: a queue may start its next batch meanwhile (processing-queue.ts).
   */
  applied?: () => void;
  /**
   * The stored bodies of the deliveries, by id, when the caller is the instance that stored them
   * (processing-queue.ts): the batch reads nothing back and claims the rows with its ledger update.
   */
  bodies?: Map<number, string>;
}

export interface BatchOutcome {
  /** deliveries finished (processed, rejected or unknown_account) */
  processed: number;
  /** events applied */
  events: number;
  /** deliveries whose processing threw (left for the drain) */
  failed: number;
  /** contacts whose profile to fetch: those the batch created (the drain retries failed ones) */
  contactIds: string[];
  /** those of deliveries that may hold a message from the contact (mayRelease) */
  releasingContactIds: string[];
  /** comment changes applied (they may queue the AI's analysis of a contact's comment) */
  comments: number;
}

export class SimulatedCrash extends Error {}

/** deliveries processed on their own side by side, when they cannot go in the batch */
const ALONE_AT_ONCE = 2;

interface Delivery {
  id: number;
  events: { account: RoutedAccount; read: ReadEvent; index: number }[];
  mark: { status: "processed" | "rejected" | "unknown_account"; error: string | null };
  accountId: string | null;
  /** every account its entries are routed to */
  accounts: Set<string>;
  releases: boolean;
}

/**
 * Processes ledger rows together, in one transaction: each statement serves every delivery of the
 * batch (the contacts and conversations, the contact's messages, what waited for them, the ledger
 * rows), and only what cannot be set-based (echoes, reactions, reads, unsends, edits, lead sources)
 * goes event by event, in event time order. The result is the one processing each delivery on
 * its own leaves (processDelivery), which is what happens when the batch fails: it rolls back as
 * a whole and each delivery is processed again on its own, so that one bad event is kept aside
 * (webhook_event_failures) and never holds back the others. Deliveries taken up again after a
 * failure, or holding an event that is not one, also go the single way.
 */
export async function processBatch(
  ids: number[],
  options: BatchOptions = {},
): Promise<BatchOutcome> {
  const outcome = {
    processed: 0,
    events: 0,
    failed: 0,
    contactIds: new Set<string>(),
    releasingContactIds: new Set<string>(),
    comments: 0,
  };
  let alone: number[];
  try {
    const applied = await asService((tx) => applyBatch(tx, ids, options, outcome));
    applied.recordSeen();
    alone = applied.alone;
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    console.error("[webhooks] batch failed, processing its deliveries one by one:", error);
    outcome.processed = outcome.events = 0;
    outcome.contactIds.clear();
    outcome.releasingContactIds.clear();
    alone = ids;
  }
  options.applied?.();
  const next = alone.values();
  const processAlone = async () => {
    for (const id of next) {
      try {
        const single = await processDelivery(id);
        if (single.status === "skipped") continue;
        outcome.processed++;
        outcome.events += single.events;
        outcome.comments += single.comments;
        single.contactIds.forEach((contact) => outcome.contactIds.add(contact));
        // processDelivery does not say; releasing too much only costs a claim that finds nothing
        single.contactIds.forEach((contact) => outcome.releasingContactIds.add(contact));
      } catch {
        outcome.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: ALONE_AT_ONCE }, processAlone));
  return {
    ...outcome,
    contactIds: [...outcome.contactIds],
    releasingContactIds: [...outcome.releasingContactIds],
  };
}

/**
 * The batch's transaction; answers the deliveries to process on their own afterwards, and what
 * to record once it has committed (markWebhookSeen).
 */
async function applyBatch(
  tx: Tx,
  ids: number[],
  options: BatchOptions,
  outcome: {
    processed: number;
    events: number;
    contactIds: Set<string>;
    releasingContactIds: Set<string>;
  },
): Promise<{ alone: number[]; recordSeen: () => void }> {
  const rows = await claimableRows(tx, ids, options.bodies);
  const alone = rows.filter((row) => row.status !== "received" || row.attempts > 0)
    .map((row) => Number(row.id));
  const fresh = rows.filter((row) => row.status === "received" && row.attempts === 0);
  if (fresh.length === 0) return { alone, recordSeen: () => {} };

  const envelopes = fresh.map((row) => ({
    id: Number(row.id),
    parsed: parseEnvelope(row.raw_body),
  }));
  const routes = await routeEntries(tx, [
    ...new Set(envelopes.flatMap(({ parsed }) => parsed.data?.entry.map((e) => e.id) ?? [])),
  ]);
  const deliveries: Delivery[] = [];
  for (const { id, parsed } of envelopes) {
    if (!parsed.success) {
      deliveries.push({
        id,
        events: [],
        mark: { status: "rejected", error: "not a Meta webhook envelope" },
        accountId: null,
        accounts: new Set(),
        releases: false,
      });
      continue;
    }
    const delivery = readDelivery(id, parsed.data.entry, routes);
    if (delivery === null) alone.push(id);
    else {
      delivery.releases = mayRelease(parsed.data);
      deliveries.push(delivery);
    }
  }

  // What needs no account lock goes before it, while another batch of the account may hold it:
  // the ledger rows' outcome (the transaction makes it true with everything else) and the threads
  // already there. The update claims the rows too: one another processor finished meanwhile no
  // longer matches, and is left to it.
  const claimed = await tx<{ id: string }[]>`
    update public.webhook_events e set status = m.status::public.webhook_event_status,
      attempts = e.attempts + 1, processing_started_at = now(), processed_at = now(),
      last_error = m.error, channel_account_id = a.id, imo_id = a.imo_id
    from unnest(${texts(tx, deliveries.map((d) => String(d.id)))}, ${
    texts(tx, deliveries.map((d) => d.mark.status))
  }, ${texts(tx, deliveries.map((d) => d.mark.error))}, ${
    texts(tx, deliveries.map((d) => d.accountId))
  }) as m (id, status, error, account_id)
    left join public.channel_accounts a on a.id = m.account_id::uuid
    where e.id = m.id::bigint and e.status = 'received' and e.attempts = 0
    returning e.id`;
  const ours = new Set(claimed.map((row) => Number(row.id)));
  const owned = deliveries.filter((delivery) => ours.has(delivery.id));

  // Meta does not guarantee order within or across deliveries: the timestamp decides, compared as
  // instants (docs/meta-platform.md §3 "Timestamp units"), then the delivery, then its order
  const events = owned.flatMap((delivery) =>
    delivery.events.map((event) => ({ ...event, delivery }))
  ).sort((a, b) =>
    a.read.at.getTime() - b.read.at.getTime() || a.delivery.id - b.delivery.id ||
    a.index - b.index
  );
  const people = events.filter((e) => e.read.known).map((e) => ({
    account: e.account,
    participantId: e.read.participant,
  }));

  const known = await findConversations(tx, people);

  const accounts = [...new Set(owned.flatMap((d) => [...d.accounts]))];
  await lockAccountsForWebhooks(tx, accounts);
  const threads = await ensureConversations(tx, people, "direct", known);
  const threadOf = (e: (typeof events)[number]) =>
    threads.get(threadKey(e.account.id, e.read.participant))!;

  // the contact's messages in one statement, each conversation's in event order
  const seen = new Set<string>();
  const inbound: (InboundRow & { order: number })[] = [];
  events.forEach((e, order) => {
    if (!e.read.known) return;
    for (const message of e.read.inbound) {
      const key = `${e.account.id}:${message.mid}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inbound.push({
        ...message,
        imoId: e.account.imo_id,
        accountId: e.account.id,
        conversationId: threadOf(e).conversationId,
        sentAt: e.read.at,
        order,
      });
    }
  });
  inbound.sort((a, b) =>
    a.conversationId < b.conversationId
      ? -1
      : a.conversationId > b.conversationId
      ? 1
      : a.order - b.order
  );
  await applyParkedMany(tx, await insertInboundMessages(tx, inbound), { accountLocked: true });

  // the rest event by event: in event order within a conversation, and the conversations side by
  // side, so that their statements follow each other on the connection without waiting for each
  // other's answers (postgres.js pipelines a transaction's queries)
  const byConversation = new Map<string, (typeof events)[number][]>();
  for (const e of events) {
    if (!e.read.known) {
      await recordUnknownEvent(tx, e.account, e.read, e.delivery.id);
      continue;
    }
    const thread = threadOf(e);
    if (thread.created) outcome.contactIds.add(thread.contactId);
    if (e.delivery.releases) outcome.releasingContactIds.add(thread.contactId);
    if (!hasRest(e.read)) continue;
    const queue = byConversation.get(thread.conversationId);
    if (queue) queue.push(e);
    else byConversation.set(thread.conversationId, [e]);
  }
  const rest = [...byConversation.values()].flat();
  const stored = await lookUpMessages(
    tx,
    rest.flatMap((e) => restMids(e.read).map((mid) => ({ accountId: e.account.id, mid }))),
  );
  // echoes of messages already stored only mark them `sent`: all of them in one statement
  const echoed = rest.filter((e) => isEcho(e.read))
    .map((e) => stored.get(storedKey(e.account.id, e.read.event.message!.mid))?.id)
    .filter((id) => id !== undefined);
  if (echoed.length) {
    await tx`update public.messages set status = 'sent'
      where id = any(${echoed}::uuid[]) and status in ('pending', 'failed')`;
  }
  const inTurn = turnsByMid();
  await settleAll([...byConversation].map(async ([conversationId, queue]) => {
    for (const e of queue) {
      const thread = {
        account: e.account,
        conversationId,
        at: e.read.at,
        webhookEventId: e.delivery.id,
        stored,
      };
      await inTurn(
        restMids(e.read).map((mid) => storedKey(e.account.id, mid)),
        () => applyRest(tx, thread, e.read),
      );
    }
  }));
  outcome.events += events.length;

  const recordSeen = await markWebhookSeen(tx, accounts);
  outcome.processed += owned.length;
  if (options.crashBeforeCommit) throw new SimulatedCrash("simulated crash before the commit");
  return { alone, recordSeen };
}

interface ClaimableRow {
  id: string;
  raw_body: string;
  status: string;
  attempts: number;
}

/**
 * The batch's ledger rows that it may process. Rows another processor holds are skipped: it
 * finishes them. Bodies the caller stored itself are not read back: those rows were stored as
 * `received` a moment ago, and the ledger update claims them (applyBatch).
 */
async function claimableRows(
  tx: Tx,
  ids: number[],
  bodies: Map<number, string> | undefined,
): Promise<ClaimableRow[]> {
  if (bodies && ids.every((id) => bodies.has(id))) {
    return ids.map((id) => ({
      id: String(id),
      raw_body: bodies.get(id)!,
      status: "received",
      attempts: 0,
    }));
  }
  return await tx<ClaimableRow[]>`
    select id, raw_body, status, attempts from public.webhook_events
    where id = any(${ids}::bigint[])
      and (status in ('received', 'failed')
        or (status = 'processing' and processing_started_at < now() - interval '2 minutes'))
    order by id
    for update skip locked`;
}

/**
 * A delivery's messaging events, numbered in the order Meta sent them (routed or not, as
 * processDelivery numbers them), each with the account its entry is routed to; null when one of
 * them is not a messaging event (the single way records it as a failure), or when the delivery
 * holds comment changes (the single way applies them, comment-events.ts).
 */
function readDelivery(
  id: number,
  entries: { id: string; messaging?: unknown[] }[],
  routes: Map<string, RoutedAccount>,
): Delivery | null {
  const delivery: Delivery = {
    id,
    events: [],
    mark: { status: "processed", error: null },
    accountId: null,
    accounts: new Set(),
    releases: false,
  };
  let index = 0;
  for (const entry of entries) {
    if (changesOf(entry).length > 0) return null;
    const account = routes.get(entry.id);
    for (const raw of entry.messaging ?? []) {
      const eventIndex = index++;
      if (!account) continue;
      try {
        delivery.events.push({
          account,
          read: readEvent(account, parseEvent(raw)),
          index: eventIndex,
        });
      } catch {
        return null;
      }
    }
    delivery.accountId ??= account?.id ?? null;
    if (account) delivery.accounts.add(account.id);
  }
  if (delivery.accountId === null) {
    delivery.mark = {
      status: "unknown_account",
      error: `no channel account for entry ${entries.map((e) => e.id).join(", ")}`,
    };
  }
  return delivery;
}

/**
 * Locks the mids (lockMids: the batch holds them to its end, so nothing parks an event for one of
 * them meanwhile) and finds their messages, by storedKey; null when none is stored.
 */
async function lookUpMessages(tx: Tx, mids: AccountMid[]) {
  const stored = new Map<string, StoredMessage | null>();
  if (mids.length === 0) return stored;
  await lockMids(tx, mids);
  const rows = await tx<(StoredMessage & { channel_account_id: string; external_id: string })[]>`
    select t.id, t.conversation_id, t.sent_at, t.channel_account_id, t.external_id
    from unnest(${texts(tx, mids.map((m) => m.accountId))}, ${
    texts(tx, mids.map((m) => m.mid))
  }) as s (account_id, mid)
    join public.messages t on t.channel_account_id = s.account_id::uuid and t.external_id = s.mid`;
  for (const m of mids) stored.set(storedKey(m.accountId, m.mid), null);
  for (const row of rows) {
    stored.set(storedKey(row.channel_account_id, row.external_id), {
      id: row.id,
      conversation_id: row.conversation_id,
      sent_at: row.sent_at,
    });
  }
  return stored;
}

/**
 * The conversations go side by side in one transaction, where locks do not order anything: an
 * event that refers to a message of another conversation (an echo storing the message a reaction
 * looks for) waits here for the events before it on the same mids.
 */
function turnsByMid() {
  const last = new Map<string, Promise<unknown>>();
  return (keys: string[], work: () => Promise<void>) => {
    const before = keys.flatMap((key) => last.get(key) ?? []);
    const turn = Promise.all(before).then(work);
    const settled = turn.catch(() => {});
    for (const key of keys) last.set(key, settled);
    return turn;
  };
}

/**
 * Waits for every one of the works and fails with the first failure: the transaction must not end
 * (and its connection go back to the pool) while a work still has statements to send on it.
 */
async function settleAll(works: Promise<unknown>[]) {
  const failed = (await Promise.allSettled(works)).find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
