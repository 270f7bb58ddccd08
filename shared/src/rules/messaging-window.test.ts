import assert from "node:assert/strict";
import { test } from "node:test";
import {
  canSend,
  CLOSING_SOON_MS,
  getMessagingWindow,
  HUMAN_AGENT_TAG,
  HUMAN_AGENT_WINDOW_MS,
  type SendAuthor,
  STANDARD_WINDOW_MS,
} from "./messaging-window.ts";

const HOUR = 3_600_000;
const inbound = new Date("2026-11-22T12:00:00.000Z");
const after = (ms: number) => new Date(inbound.getTime() + ms);
const authors: SendAuthor[] = ["user", "ai", "automation"];

test("the constants are 24 h, 1 h and 7 days", () => {
  assert.equal(STANDARD_WINDOW_MS, 86_400_000);
  assert.equal(CLOSING_SOON_MS, 3_600_000);
  assert.equal(HUMAN_AGENT_WINDOW_MS, 604_800_000);
  assert.equal(HUMAN_AGENT_TAG, "HUMAN_AGENT");
});

test("without an inbound message the window is closed and has no end", () => {
  assert.deepEqual(getMessagingWindow(null, inbound), {
    status: "closed",
    lastInboundAt: null,
    replyUntil: null,
    msLeft: 0,
    humanAgentUntil: null,
    humanAgentMsLeft: 0,
    canUseHumanAgentTag: false,
  });
});

test("right after the contact writes, the window is open for 24 h and the horizon 7 days", () => {
  const w = getMessagingWindow(inbound, inbound);
  assert.equal(w.status, "open");
  assert.equal(w.msLeft, STANDARD_WINDOW_MS);
  assert.deepEqual(w.lastInboundAt, inbound);
  assert.deepEqual(w.replyUntil, new Date("2026-11-23T12:00:00.000Z"));
  assert.deepEqual(w.humanAgentUntil, new Date("2026-11-29T12:00:00.000Z"));
  assert.equal(w.humanAgentMsLeft, HUMAN_AGENT_WINDOW_MS);
  assert.equal(w.canUseHumanAgentTag, true);
});

test("more than 1 h left is open; exactly 1 h left is closing soon", () => {
  const oneMsOverAnHour = getMessagingWindow(inbound, after(23 * HOUR - 1));
  assert.equal(oneMsOverAnHour.status, "open");
  assert.equal(oneMsOverAnHour.msLeft, HOUR + 1);

  const exactlyAnHour = getMessagingWindow(inbound, after(23 * HOUR));
  assert.equal(exactlyAnHour.status, "closing_soon");
  assert.equal(exactlyAnHour.msLeft, HOUR);

  const lastMs = getMessagingWindow(inbound, after(STANDARD_WINDOW_MS - 1));
  assert.equal(lastMs.status, "closing_soon");
  assert.equal(lastMs.msLeft, 1);
});

test("at exactly 24 h the window is closed, but the human-agent horizon is not", () => {
  const w = getMessagingWindow(inbound, after(STANDARD_WINDOW_MS));
  assert.equal(w.status, "closed");
  assert.equal(w.msLeft, 0);
  assert.equal(w.canUseHumanAgentTag, true);
  assert.equal(w.humanAgentMsLeft, HUMAN_AGENT_WINDOW_MS - STANDARD_WINDOW_MS);
});

test("the human-agent horizon ends at exactly 7 days", () => {
  const lastMs = getMessagingWindow(inbound, after(HUMAN_AGENT_WINDOW_MS - 1));
  assert.equal(lastMs.canUseHumanAgentTag, true);
  assert.equal(lastMs.humanAgentMsLeft, 1);

  const atSevenDays = getMessagingWindow(inbound, after(HUMAN_AGENT_WINDOW_MS));
  assert.equal(atSevenDays.status, "closed");
  assert.equal(atSevenDays.canUseHumanAgentTag, false);
  assert.equal(atSevenDays.humanAgentMsLeft, 0);
  assert.equal(atSevenDays.msLeft, 0);
});

test("ISO strings (Z, offsets, Postgres microseconds) give the same window as Dates", () => {
  const now = after(23.5 * HOUR);
  const expected = getMessagingWindow(inbound, now);
  assert.equal(expected.status, "closing_soon");
  for (
    const text of [
      "2026-11-22T12:00:00.000Z",
      "2026-11-22T12:00:00+00:00",
      "2026-11-22T14:00:00+02:00",
      "2026-11-22T12:00:00.000000+00:00",
    ]
  ) {
    assert.deepEqual(getMessagingWindow(text, now), expected, text);
    assert.deepEqual(getMessagingWindow(text, now.toISOString()), expected, text);
  }
});

test("an invalid date is refused, not treated as no inbound message", () => {
  assert.throws(() => getMessagingWindow("yesterday-ish", inbound), RangeError);
  assert.throws(() => getMessagingWindow(inbound, "not a date"), RangeError);
  assert.throws(() => getMessagingWindow(new Date(Number.NaN), inbound), RangeError);
});

test("the returned dates are copies, not the caller's Date", () => {
  const mine = new Date(inbound.getTime());
  const w = getMessagingWindow(mine, inbound);
  w.lastInboundAt?.setTime(0);
  assert.equal(mine.getTime(), inbound.getTime());
});

test("canSend: nobody may write first", () => {
  for (const author of authors) {
    for (const hasHumanAgentPermission of [true, false]) {
      assert.deepEqual(
        canSend({ lastInboundAt: null, now: inbound, author, hasHumanAgentPermission }),
        { allowed: false, reason: "no_inbound_message" },
      );
    }
  }
});

test("canSend: inside 24 h anyone may send, without a tag", () => {
  for (const now of [inbound, after(23 * HOUR), after(STANDARD_WINDOW_MS - 1)]) {
    for (const author of authors) {
      for (const hasHumanAgentPermission of [true, false]) {
        const decision = canSend({ lastInboundAt: inbound, now, author, hasHumanAgentPermission });
        assert.deepEqual(decision, { allowed: true }, `${author} at ${now.toISOString()}`);
        assert.equal("tag" in decision, false);
      }
    }
  }
});

test("canSend: from 24 h to 7 d only a person with the permission, tagged HUMAN_AGENT", () => {
  for (
    const now of [after(STANDARD_WINDOW_MS), after(3 * 24 * HOUR), after(HUMAN_AGENT_WINDOW_MS - 1)]
  ) {
    const at = now.toISOString();
    assert.deepEqual(
      canSend({ lastInboundAt: inbound, now, author: "user", hasHumanAgentPermission: true }),
      { allowed: true, tag: "HUMAN_AGENT" },
      at,
    );
    for (const author of ["ai", "automation"] as const) {
      assert.deepEqual(
        canSend({ lastInboundAt: inbound, now, author, hasHumanAgentPermission: true }),
        { allowed: false, reason: "human_agent_requires_person" },
        `${author} at ${at}`,
      );
    }
    for (const author of authors) {
      assert.deepEqual(
        canSend({ lastInboundAt: inbound, now, author, hasHumanAgentPermission: false }),
        { allowed: false, reason: "window_closed" },
        `${author} without permission at ${at}`,
      );
    }
  }
});

test("canSend at the acceptance edges: 23 h 59 m anyone; 24 h 1 m never automation or AI", () => {
  const minute = 60_000;
  const early = after(STANDARD_WINDOW_MS - minute);
  const late = after(STANDARD_WINDOW_MS + minute);
  for (const author of authors) {
    assert.deepEqual(
      canSend({ lastInboundAt: inbound, now: early, author, hasHumanAgentPermission: true }),
      { allowed: true },
      `${author} at 23 h 59 m, no tag even with the permission`,
    );
  }
  for (const author of ["ai", "automation"] as const) {
    assert.equal(
      canSend({ lastInboundAt: inbound, now: late, author, hasHumanAgentPermission: true })
        .allowed,
      false,
      `${author} at 24 h 1 m`,
    );
  }
  assert.deepEqual(
    canSend({ lastInboundAt: inbound, now: late, author: "user", hasHumanAgentPermission: true }),
    { allowed: true, tag: "HUMAN_AGENT" },
  );
  assert.deepEqual(
    canSend({
      lastInboundAt: inbound,
      now: after(HUMAN_AGENT_WINDOW_MS + minute),
      author: "user",
      hasHumanAgentPermission: true,
    }),
    { allowed: false, reason: "human_agent_expired" },
  );
});

test("canSend: from 7 d on nobody may send", () => {
  for (const now of [after(HUMAN_AGENT_WINDOW_MS), after(30 * 24 * HOUR)]) {
    for (const author of authors) {
      assert.deepEqual(
        canSend({ lastInboundAt: inbound, now, author, hasHumanAgentPermission: true }),
        { allowed: false, reason: "human_agent_expired" },
      );
      assert.deepEqual(
        canSend({ lastInboundAt: inbound, now, author, hasHumanAgentPermission: false }),
        { allowed: false, reason: "window_closed" },
      );
    }
  }
});

test("canSend takes strings as well", () => {
  assert.deepEqual(
    canSend({
      lastInboundAt: "2026-11-22T12:00:00.000000+00:00",
      now: "2026-11-23T12:00:00Z",
      author: "user",
      hasHumanAgentPermission: true,
    }),
    { allowed: true, tag: "HUMAN_AGENT" },
  );
});
