import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";

/** Polling while a pending time has passed: the processor runs every minute. */
const OVERDUE_CHECK_MS = 15_000;
/** Slack after a due time, so the processor has had its chance when the list looks. */
const AFTER_DUE_MS = 5_000;
const MAX_WAIT_MS = 10 * 60_000;

/**
 * When the scheduled list should look again on its own (false: not until an event says so).
 * A message that goes out, fails or is cancelled by the contact's reply changes the thread, and
 * that Realtime event refreshes the list; one that expires changes nothing else, so the list
 * looks shortly after each pending time and then every 15 s while one is overdue.
 */
export function nextScheduledCheckMs(list: ScheduledMessage[], now: Date): number | false {
  const dues = list
    .filter((item) => item.status === "pending" && item.scheduled_for)
    .map((item) => Date.parse(item.scheduled_for!) - now.getTime());
  if (!dues.length) return false;
  const soonest = Math.min(...dues);
  if (soonest <= 0) return OVERDUE_CHECK_MS;
  return Math.min(soonest + AFTER_DUE_MS, MAX_WAIT_MS);
}

export type ScheduledOutcome = { label: string; reason: string | null; tone: "ok" | "bad" | "off" };

/** What became of a message that is no longer pending, and why, for the list. */
export function scheduledOutcome(
  item: Pick<ScheduledMessage, "status" | "last_error" | "cancelled_by">,
  nameOf: (userId: string) => string | null,
): ScheduledOutcome | null {
  switch (item.status) {
    case "pending":
      return null;
    case "sent":
      return { label: "Sent", reason: null, tone: "ok" };
    case "failed":
      return { label: "Failed", reason: item.last_error ?? "Instagram refused it", tone: "bad" };
    case "expired":
      return {
        label: "Expired",
        reason: item.last_error ?? "The 24-hour window closed before it went out",
        tone: "bad",
      };
    case "cancelled": {
      const by = item.cancelled_by ? nameOf(item.cancelled_by) : null;
      return {
        label: "Cancelled",
        reason: item.last_error ?? (by ? `by ${by}` : null),
        tone: "off",
      };
    }
  }
}
