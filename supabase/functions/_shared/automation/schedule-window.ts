import { checkScheduledTime } from "../../../../shared/src/rules/scheduling.ts";
import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/**
 * Inside `withUser`: may the conversation get a message at `scheduledFor`, given its window at
 * `now` (rules/scheduling.ts)? A closed window (or none yet) is 409 `window_closed`, pointing at
 * "send when they next write"; a time outside the window is 422 `outside_window`.
 */
export async function requireScheduleTime(
  tx: Tx,
  conversationId: string,
  scheduledFor: string,
  now: Date,
) {
  const [row] = await tx<{ last_inbound_at: Date | null }[]>`
    select last_inbound_at from public.conversations where id = ${conversationId}`;
  const decision = checkScheduledTime({
    scheduledFor,
    lastInboundAt: row?.last_inbound_at ?? null,
    now,
  });
  if (decision.allowed) return;
  const details = {
    reason: decision.reason,
    window_closes_at: decision.windowClosesAt?.toISOString() ?? null,
  };
  if (decision.reason === "no_inbound_message" || decision.reason === "window_closed") {
    throw new HttpError(
      409,
      "window_closed",
      'Instagram\'s reply window is closed: choose "when they next write" instead of a time',
      details,
    );
  }
  throw new HttpError(
    422,
    "outside_window",
    decision.reason === "in_the_past"
      ? "The time has passed"
      : "Instagram's reply window closes before that time",
    details,
  );
}
