/**
 * When a message may be scheduled, as pure functions of the contact's last inbound message and the
 * current time (shared by the schedule dialog and the scheduled-messages function):
 *
 * - "send when they next write" may always be chosen: it waits for the contact's next message,
 *   which opens a new window, and goes out then;
 * - a time may be chosen only while the 24 h window is open, and must fall inside it: automation
 *   never uses the `HUMAN_AGENT` tag, so nothing it sends may go out after the window;
 * - a time up to a minute in the past is "now" (the clocks of browser and server differ).
 */
import { getMessagingWindow, type Instant } from "./messaging-window.ts";

/** How far in the past a scheduled time may be and still mean "now". */
export const SCHEDULE_PAST_TOLERANCE_MS = 60_000;

export type ScheduleRefusalReason =
  /** the contact never wrote: only "send when they next write" is possible */
  | "no_inbound_message"
  /** the window is closed now: only "send when they next write" is possible */
  | "window_closed"
  /** the time is at or after the end of the window */
  | "after_window"
  /** the time is more than a minute in the past */
  | "in_the_past";

export type ScheduleDecision =
  | { allowed: true }
  | { allowed: false; reason: ScheduleRefusalReason; windowClosesAt: Date | null };

/** May a message be scheduled for `scheduledFor`, given the window as it stands at `now`? */
export function checkScheduledTime(input: {
  scheduledFor: Instant;
  lastInboundAt: Instant | null;
  now: Instant;
}): ScheduleDecision {
  const window = getMessagingWindow(input.lastInboundAt, input.now);
  const refuse = (reason: ScheduleRefusalReason): ScheduleDecision => ({
    allowed: false,
    reason,
    windowClosesAt: window.replyUntil,
  });
  if (window.lastInboundAt === null) return refuse("no_inbound_message");
  if (window.status === "closed") return refuse("window_closed");
  const at = new Date(input.scheduledFor).getTime();
  if (Number.isNaN(at)) {
    throw new RangeError(`scheduledFor is not a valid date: ${input.scheduledFor}`);
  }
  if (at < new Date(input.now).getTime() - SCHEDULE_PAST_TOLERANCE_MS) return refuse("in_the_past");
  if (at >= window.replyUntil!.getTime()) return refuse("after_window");
  return { allowed: true };
}
