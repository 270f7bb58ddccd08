import assert from "node:assert/strict";
import { test } from "node:test";
import { checkScheduledTime } from "./scheduling.ts";

const MINUTE = 60_000;
const inbound = new Date("2026-12-02T10:00:00Z");
const windowEnd = new Date(inbound.getTime() + 24 * 60 * MINUTE);
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

test("the last minute of the window may be chosen; the end of the window and after may not", () => {
  const now = at(inbound, 60);
  const check = (scheduledFor: Date) =>
    checkScheduledTime({ scheduledFor, lastInboundAt: inbound, now });
  assert.deepEqual(check(at(windowEnd, -1)), { allowed: true });
  assert.deepEqual(check(windowEnd), {
    allowed: false,
    reason: "after_window",
    windowClosesAt: windowEnd,
  });
  assert.equal((check(at(windowEnd, 1)) as { reason: string }).reason, "after_window");
});

test("a time up to a minute in the past means now; earlier is refused", () => {
  const now = at(inbound, 60);
  const check = (scheduledFor: Date) =>
    checkScheduledTime({ scheduledFor, lastInboundAt: inbound, now });
  assert.deepEqual(check(at(now, -1)), { allowed: true });
  assert.equal((check(at(now, -1.01)) as { reason: string }).reason, "in_the_past");
});

test("with the window closed, or no inbound message, no time may be chosen", () => {
  const closed = checkScheduledTime({
    scheduledFor: at(windowEnd, 5),
    lastInboundAt: inbound,
    now: windowEnd,
  });
  assert.deepEqual(closed, { allowed: false, reason: "window_closed", windowClosesAt: windowEnd });
  const never = checkScheduledTime({ scheduledFor: inbound, lastInboundAt: null, now: inbound });
  assert.deepEqual(never, { allowed: false, reason: "no_inbound_message", windowClosesAt: null });
});
