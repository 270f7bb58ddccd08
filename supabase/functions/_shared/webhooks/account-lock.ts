import type { Tx } from "../db.ts";
import { texts } from "./inbound-messages.ts";

/**
 * Serialises a channel account's webhook processing, taken first in the transaction, before any
 * row lock: by a batch (process-batch.ts) for its accounts, and by each event applied on its own
 * (applyMessagingEvent: a delivery processed alone, a failed event replayed, the conversation
 * sync). Two batches of one account lock the same conversations and counters and would otherwise
 * deadlock on them in different orders. And since everything that parks an event for a
 * contact's message or stores one holds it, storing the contact's messages needs no lock per
 * message against parking (parked-events.ts).
 */
export async function lockAccountsForWebhooks(tx: Tx, accountIds: string[]) {
  await tx`
    select pg_advisory_xact_lock(k.key) from (
      select hashtextextended('webhook-batch:' || a, 0) as key from unnest(${
    texts(tx, [...new Set(accountIds)])
  }) as a order by 1
    ) k`;
}
