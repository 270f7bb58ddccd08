import { processDueMessages } from "./process-scheduled.ts";

/**
 * The webhook's same pass (decided here rather than in a trigger calling pg_net, which would
 * queue an HTTP call per inbound message): the trigger apply_reply_to_scheduled_messages made the
 * conversation's "send when they next write" messages due when the contact's message was stored;
 * right after the delivery is processed, they are sent. Whatever this misses (a crash, the rate
 * limit) the every-minute run sends.
 */
export async function sendReleasedMessages(contactIds: string[]) {
  if (contactIds.length === 0) return null;
  return await processDueMessages({ contactIds, concurrency: 4, budgetMs: 20_000 });
}
