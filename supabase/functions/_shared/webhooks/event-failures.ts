import { z } from "zod";
import { asService, type Tx } from "../db.ts";
import { applyMessagingEvent } from "./apply-event.ts";
import { applyWebhookChange } from "./comment-events.ts";
import { failedChangeSchema, isChange } from "./comment-payload.ts";
import type { RoutedAccount } from "./conversation-upsert.ts";
import { type MessagingEvent, parseMessagingEvent } from "./payload.ts";

/**
 * Tries of a failed event the drain makes by itself, the first included; 1, 2, 4 … 64 minutes
 * apart, about two hours in all. After that it waits for an operator (README, "When a webhook
 * event fails").
 */
export const MAX_EVENT_ATTEMPTS = 8;
const MAX_ERROR_CHARS = 2000;

/** One messaging event of a delivery, where it stood in it and the account it was routed to. */
export interface DeliveredEvent {
  webhookEventId: number;
  eventIndex: number;
  account: RoutedAccount;
  raw: unknown;
}

const describe = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_CHARS);

/** A raw event as we apply it, or why it is not one. */
export function parseEvent(raw: unknown): MessagingEvent {
  const parsed = parseMessagingEvent(raw);
  if (!parsed.success) {
    throw new Error(`not a messaging event: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** The wait before try `attempts + 1`, or null when the automatic tries are spent. */
const nextAttempt = (tx: Tx, attempts: string) =>
  tx.unsafe(
    `case when ${attempts} < ${MAX_EVENT_ATTEMPTS}
       then now() + interval '1 minute' * power(2, ${attempts} - 1) end`,
  );

/**
 * Records that an event of a delivery failed, or counts one more failure when the delivery is
 * processed again (after a crash, say) and the same event fails again.
 */
export async function recordEventFailure(failed: DeliveredEvent, error: unknown): Promise<void> {
  // the event goes as JSON text: a junk `null` event is kept as JSON null, not as SQL null
  await asService((tx) =>
    tx`
      insert into public.webhook_event_failures as f (
        webhook_event_id, event_index, imo_id, channel_account_id, event, error, next_attempt_at
      ) values (
        ${failed.webhookEventId}, ${failed.eventIndex}, ${failed.account.imo_id}, ${failed.account.id},
        ${JSON.stringify(failed.raw ?? null)}::text::jsonb, ${describe(error)}, ${
      nextAttempt(tx, "1")
    }
      )
      on conflict (webhook_event_id, event_index) do update set
        error = excluded.error, attempts = f.attempts + 1, last_failed_at = now(), resolved_at = null,
        next_attempt_at = ${nextAttempt(tx, "f.attempts + 1")}`
  );
}

/** A delivery processed again stored events that had failed before: they are resolved. */
export async function resolveEventFailures(webhookEventId: number, eventIndexes: number[]) {
  if (eventIndexes.length === 0) return;
  await asService((tx) =>
    tx`
      update public.webhook_event_failures set resolved_at = now(), next_attempt_at = null
      where webhook_event_id = ${webhookEventId} and event_index = any(${eventIndexes}::int[])
        and resolved_at is null`
  );
}

/**
 * The drain's second task: the failed events that are due, each applied again in its own
 * transaction. Taken with a five-minute lease, so a drain that overlaps another (or dies) neither
 * doubles nor loses an attempt.
 */
export async function replayDueEventFailures(
  limit = 100,
): Promise<{ replayed: number; failed: number }> {
  const due = await asService((tx) =>
    tx<
      (RoutedAccount & { failure_id: string; webhook_event_id: string | null; event: unknown })[]
    >`
      update public.webhook_event_failures f set next_attempt_at = now() + interval '5 minutes'
      from public.channel_accounts a
      where a.id = f.channel_account_id and f.id in (
        select id from public.webhook_event_failures
        where resolved_at is null and next_attempt_at <= now()
        order by next_attempt_at limit ${limit}
        for update skip locked)
      returning f.id as failure_id, f.webhook_event_id, f.event, a.id, a.imo_id,
        a.external_account_id, a.external_ids`
  );
  const outcome = { replayed: 0, failed: 0 };
  for (const { failure_id, webhook_event_id, event, ...account } of due) {
    try {
      const ledgerId = webhook_event_id === null ? null : Number(webhook_event_id);
      await asService(async (tx) => {
        if (isChange(event)) {
          await applyWebhookChange(tx, account, failedChangeSchema.parse(event), ledgerId);
        } else await applyMessagingEvent(tx, account, parseEvent(event), ledgerId);
      });
      await asService((tx) =>
        tx`update public.webhook_event_failures set resolved_at = now(), next_attempt_at = null
           where id = ${failure_id}`
      );
      outcome.replayed++;
    } catch (error) {
      await asService((tx) =>
        tx`update public.webhook_event_failures set error = ${describe(error)},
             attempts = attempts + 1, last_failed_at = now(),
             next_attempt_at = ${nextAttempt(tx, "attempts + 1")}
           where id = ${failure_id}`
      );
      outcome.failed++;
    }
  }
  return outcome;
}
