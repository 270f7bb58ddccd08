import { asService, type Tx } from "../db.ts";
import { applyMessagingEvent } from "./apply-event.ts";
import { applyWebhookChange } from "./comment-events.ts";
import { changesOf, type WebhookChange } from "./comment-payload.ts";
import type { RoutedAccount } from "./conversation-upsert.ts";
import {
  type DeliveredEvent,
  parseEvent,
  recordEventFailure,
  resolveEventFailures,
} from "./event-failures.ts";
import { type MessagingEvent, toDate, webhookEnvelopeSchema } from "./payload.ts";
import { markWebhookSeen } from "./webhook-seen.ts";

export interface ProcessOptions {
  /** test hook: throw after this many events, as a crash mid-batch would */
  crashAfterEvents?: number;
}

export interface ProcessOutcome {
  status: "processed" | "unknown_account" | "rejected" | "skipped";
  /** events applied */
  events: number;
  /** events that failed, each recorded in webhook_event_failures */
  failed: number;
  contactIds: string[];
  /** comment changes applied (a contact's new comment waits for the AI's analysis) */
  comments: number;
}

/**
 * Processes one ledger row: claims it (received, failed, or stuck in processing for 2 minutes),
 * routes each entry to its account by any id Meta gives for it, and applies the messaging events
 * in timestamp order, each in its own transaction. An event that fails is recorded in
 * webhook_event_failures (replayed by the drain) and the others go on: one bad event never
 * holds back a delivery. Every step is idempotent, so a delivery processed twice, or finished
 * after a crash, ends in the same state.
 */
export async function processDelivery(
  eventId: number,
  options: ProcessOptions = {},
): Promise<ProcessOutcome> {
  const [claimed] = await asService((tx) =>
    tx<{ raw_body: string; attempts: number }[]>`
      update public.webhook_events set status = 'processing', attempts = attempts + 1, processing_started_at = now()
      where id = ${eventId} and (status in ('received', 'failed')
        or (status = 'processing' and processing_started_at < now() - interval '2 minutes'))
      returning raw_body, attempts`
  );
  const none = { events: 0, failed: 0, contactIds: [], comments: 0 };
  if (!claimed) return { status: "skipped", ...none };

  try {
    const parsed = parseEnvelope(claimed.raw_body);
    if (!parsed.success) {
      await finish(eventId, "rejected", "not a Meta webhook envelope");
      return { status: "rejected", ...none };
    }
    const routes = await asService((tx) =>
      routeEntries(tx, parsed.data.entry.map((entry) => entry.id))
    );
    // every messaging event of the delivery is numbered in the order Meta sent it, routed or not,
    // so that a failure keeps one identity however often the delivery is processed
    const delivered: DeliveredEvent[] = [];
    // comments and mentions come as entry changes, numbered after the entry's messaging events
    const changes: DeliveredEvent[] = [];
    let eventIndex = 0;
    for (const entry of parsed.data.entry) {
      const account = routes.get(entry.id);
      for (const raw of entry.messaging ?? []) {
        const index = eventIndex++;
        if (account) delivered.push({ webhookEventId: eventId, eventIndex: index, account, raw });
      }
      for (const raw of changesOf(entry)) {
        const index = eventIndex++;
        if (account) changes.push({ webhookEventId: eventId, eventIndex: index, account, raw });
      }
    }
    const known = [...new Set([...routes.values()].map((a) => a.id))];
    if (known.length === 0) {
      await finish(
        eventId,
        "unknown_account",
        `no channel account for entry ${parsed.data.entry.map((e) => e.id).join(", ")}`,
      );
      return { status: "unknown_account", ...none };
    }

    const failures: DeliveredEvent[] = [];
    const fail = async (item: DeliveredEvent, error: unknown) => {
      failures.push(item);
      await recordEventFailure(item, error);
    };
    const events: (DeliveredEvent & { event: MessagingEvent })[] = [];
    for (const item of delivered) {
      try {
        events.push({ ...item, event: parseEvent(item.raw) });
      } catch (error) {
        await fail(item, error);
      }
    }
    // Meta does not guarantee order within or across deliveries: the timestamp decides, compared
    // as instants (a delivery may carry seconds beside milliseconds,
    // docs/meta-platform.md §3 "Timestamp units")
    events.sort((a, b) =>
      toDate(a.event.timestamp).getTime() - toDate(b.event.timestamp).getTime() ||
      a.eventIndex - b.eventIndex
    );
    const contactIds = new Set<string>();
    const applied: number[] = [];
    for (const item of events) {
      if (options.crashAfterEvents !== undefined && applied.length >= options.crashAfterEvents) {
        throw new Error(`simulated crash after ${applied.length} events`);
      }
      try {
        const result = await asService((tx) =>
          applyMessagingEvent(tx, item.account, item.event, eventId)
        );
        result.contactIds.forEach((id) => contactIds.add(id));
        applied.push(item.eventIndex);
      } catch (error) {
        // only this event's transaction rolled back: it waits for the drain, the rest go on
        await fail(item, error);
      }
    }
    let comments = 0;
    for (const item of changes) {
      try {
        await asService((tx) =>
          applyWebhookChange(tx, item.account, item.raw as WebhookChange, eventId)
        );
        applied.push(item.eventIndex);
        comments++;
      } catch (error) {
        await fail(item, error);
      }
    }
    // a delivery taken up again may now store events that failed on an earlier attempt
    if (claimed.attempts > 1) await resolveEventFailures(eventId, applied);
    const summary = failures.length
      ? `${failures.length} of ${
        delivered.length + changes.length
      } events failed: see webhook_event_failures`
      : null;
    const recordSeen = await asService(async (tx) => {
      const recordSeen = await markWebhookSeen(tx, known);
      await tx`
        update public.webhook_events set status = 'processed', processed_at = now(), last_error = ${summary},
          channel_account_id = ${known[
        0
      ]!}, imo_id = (select imo_id from public.channel_accounts where id = ${known[0]!})
        where id = ${eventId}`;
      return recordSeen;
    });
    recordSeen();
    return {
      status: "processed",
      events: applied.length,
      failed: failures.length,
      contactIds: [...contactIds],
      comments,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finish(eventId, "failed", message).catch(() => {});
    throw error;
  }
}

/** A stored delivery's body as an envelope, or why it is not one. */
export function parseEnvelope(rawBody: string) {
  const json = JSON.parse(rawBody);
  return webhookEnvelopeSchema.safeParse(rawBody.includes("\\u0000") ? storable(json) : json);
}

/**
 * Webhook `entry.id` may be any id Meta hands out for the account (docs/meta-platform.md §1A):
 * match them all.
 */
export async function routeEntries(
  tx: Tx,
  entryIds: string[],
): Promise<Map<string, RoutedAccount>> {
  const rows = await tx<RoutedAccount[]>`
      select id, imo_id, external_account_id, external_ids from public.channel_accounts
      where platform = 'instagram' and (external_account_id = any(${entryIds}) or external_ids && ${entryIds})
      -- several IMOs may have connected the account in turn: the one holding it now comes first
      order by status = 'disconnected', connected_at desc`;
  const routes = new Map<string, RoutedAccount>();
  for (const entryId of entryIds) {
    const account = rows.find((row) =>
      row.external_account_id === entryId || row.external_ids.includes(entryId)
    );
    if (account) routes.set(entryId, account);
  }
  return routes;
}

async function finish(
  eventId: number,
  status: "rejected" | "unknown_account" | "failed",
  error: string,
) {
  await asService((tx) =>
    tx`update public.webhook_events set status = ${status}, last_error = ${error},
         processed_at = case when ${status} = 'failed' then null else now() end
       where id = ${eventId}`
  );
}

/**
 * Postgres text and jsonb cannot hold U+0000: a signed body with an escaped NUL anywhere (an id,
 * a text, a referral key) would fail every attempt and hold back the rest of its batch. Meta does
 * not send one; such a value is kept with U+FFFD in its place.
 */
export function storable(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\u0000", "\uFFFD");
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storable(key) as string, storable(item)]),
    );
  }
  return value;
}
