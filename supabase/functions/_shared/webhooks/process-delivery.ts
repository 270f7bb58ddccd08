import { asService } from "../db.ts";
import { applyMessagingEvent } from "./apply-event.ts";
import type { RoutedAccount } from "./conversation-upsert.ts";
import {
  type MessagingEvent,
  messagingEventSchema,
  toDate,
  webhookEnvelopeSchema,
} from "./payload.ts";

export interface ProcessOptions {
  /** test hook: throw after this many events, as a crash mid-batch would */
  crashAfterEvents?: number;
}

export interface ProcessOutcome {
  status: "processed" | "unknown_account" | "rejected" | "skipped";
  events: number;
  contactIds: string[];
}

/**
 * Processes one ledger row: claims it (received, failed, or stuck in processing for 2 minutes),
 * routes each entry to its account by any id Meta gives for it, and applies the messaging events
 * in timestamp order, each in its own transaction. Every step is idempotent, so a delivery
 * processed twice, or finished after a crash, ends in the same state.
 */
export async function processDelivery(
  eventId: number,
  options: ProcessOptions = {},
): Promise<ProcessOutcome> {
  const [claimed] = await asService((tx) =>
    tx<{ raw_body: string }[]>`
      update public.webhook_events set status = 'processing', attempts = attempts + 1, processing_started_at = now()
      where id = ${eventId} and (status in ('received', 'failed')
        or (status = 'processing' and processing_started_at < now() - interval '2 minutes'))
      returning raw_body`
  );
  if (!claimed) return { status: "skipped", events: 0, contactIds: [] };

  try {
    const json = JSON.parse(claimed.raw_body);
    const parsed = webhookEnvelopeSchema.safeParse(
      claimed.raw_body.includes("\\u0000") ? storable(json) : json,
    );
    if (!parsed.success) {
      await finish(eventId, "rejected", "not a Meta webhook envelope");
      return { status: "rejected", events: 0, contactIds: [] };
    }
    const routes = await routeEntries(parsed.data.entry.map((entry) => entry.id));
    const events: { account: RoutedAccount; event: MessagingEvent; order: number }[] = [];
    let order = 0;
    for (const entry of parsed.data.entry) {
      const account = routes.get(entry.id);
      for (const raw of entry.messaging ?? []) {
        const event = messagingEventSchema.safeParse(raw);
        if (account && event.success) events.push({ account, event: event.data, order: order++ });
      }
    }
    const known = [...new Set([...routes.values()].map((a) => a.id))];
    if (known.length === 0) {
      await finish(
        eventId,
        "unknown_account",
        `no channel account for entry ${parsed.data.entry.map((e) => e.id).join(", ")}`,
      );
      return { status: "unknown_account", events: 0, contactIds: [] };
    }

    // Meta does not guarantee order within or across deliveries: the timestamp decides, compared
    // as instants (a delivery may carry seconds beside milliseconds, §3 "Timestamp units")
    events.sort((a, b) =>
      toDate(a.event.timestamp).getTime() - toDate(b.event.timestamp).getTime() ||
      a.order - b.order
    );
    const contactIds = new Set<string>();
    let applied = 0;
    for (const { account, event } of events) {
      if (options.crashAfterEvents !== undefined && applied >= options.crashAfterEvents) {
        throw new Error(`simulated crash after ${applied} events`);
      }
      const result = await asService((tx) => applyMessagingEvent(tx, account, event, eventId));
      result.contactIds.forEach((id) => contactIds.add(id));
      applied++;
    }
    await asService(async (tx) => {
      // at most every 10 s: written by every delivery, the account's one row serialised them all
      await tx`update public.channel_accounts set last_webhook_at = now()
        where id = any(${known}::uuid[])
          and (last_webhook_at is null or last_webhook_at < now() - interval '10 seconds')`;
      const [event] = await tx`
        update public.webhook_events set status = 'processed', processed_at = now(), last_error = null,
          channel_account_id = ${known[
        0
      ]!}, imo_id = (select imo_id from public.channel_accounts where id = ${known[0]!})
        where id = ${eventId} returning id`;
      return event;
    });
    return { status: "processed", events: applied, contactIds: [...contactIds] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finish(eventId, "failed", message).catch(() => {});
    throw error;
  }
}

/** Webhook `entry.id` may be any id Meta hands out for the account (§1A): match them all. */
async function routeEntries(entryIds: string[]): Promise<Map<string, RoutedAccount>> {
  const rows = await asService((tx) =>
    tx<RoutedAccount[]>`
      select id, imo_id, external_account_id, external_ids from public.channel_accounts
      where platform = 'instagram' and (external_account_id = any(${entryIds}) or external_ids && ${entryIds})
      -- several IMOs may have connected the account in turn: the one holding it now comes first
      order by status = 'disconnected', connected_at desc`
  );
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
function storable(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\u0000", "\uFFFD");
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storable(key) as string, storable(item)]),
    );
  }
  return value;
}
