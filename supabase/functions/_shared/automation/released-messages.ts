import { processDueMessages } from "./process-scheduled.ts";

/**
 * The webhook's same pass (decided here rather than in a trigger calling pg_net, which would
 * queue an HTTP call per inbound message): the trigger apply_contact_replies made the
 * conversation's "send when they next write" messages due when the contact's message was stored;
 * right after the delivery is processed, they are sent (only those: an echo of our own send
 * touches the contact too, and must not turn into a pass over everything due). Whatever this
 * misses (a crash, the rate limit) the every-minute run sends.
 */
export async function sendReleasedMessages(contactIds: string[]) {
  if (contactIds.length === 0) return null;
  return await processDueMessages({
    contactIds,
    releasedOnly: true,
    concurrency: 4,
    budgetMs: 20_000,
  });
}

/**
 * Whether a delivery may hold a message from a contact (a message that is not an echo of ours, or
 * a postback): only those release anything. Read from the envelope as stored, before it is
 * processed; an echo-only delivery (one per message we send) costs no claim at all.
 */
export function mayRelease(envelope: unknown): boolean {
  const entries = (envelope as { entry?: unknown })?.entry;
  if (!Array.isArray(entries)) return false;
  return entries.some((entry) => {
    const events = (entry as { messaging?: unknown })?.messaging;
    return Array.isArray(events) && events.some((event) => {
      const message = (event as { message?: { is_echo?: unknown } })?.message;
      return (message && message.is_echo !== true) || (event as { postback?: unknown })?.postback;
    });
  });
}
