import assert from "node:assert/strict";
import { test } from "node:test";
import { decideReply, fillAiLinks, type ReplyInput } from "./ai-reply.ts";

const now = new Date("2026-12-03T15:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const base: ReplyInput = {
  mode: "autopilot",
  intent: "compensation_question",
  confidence: 0.95,
  threshold: 0.85,
  hasReplyText: true,
  now,
  lastInboundAt: minutes(-5),
  takeoverUntil: null,
  isStoryMention: false,
};
const decide = (change: Partial<ReplyInput>) => decideReply({ ...base, ...change });

test("autopilot sends above the threshold, drafts below it", () => {
  assert.deepEqual(decide({}), { action: "send" });
  assert.deepEqual(decide({ confidence: 0.84 }), { action: "draft", reason: "low_confidence" });
});

test("while a person holds the lease the AI drafts; once it has ended it sends", () => {
  assert.deepEqual(decide({ takeoverUntil: minutes(1) }), {
    action: "draft",
    reason: "lease_held",
  });
  assert.deepEqual(decide({ takeoverUntil: minutes(-1) }), { action: "send" });
});

test("supervised always drafts; off does nothing", () => {
  assert.deepEqual(decide({ mode: "supervised" }), { action: "draft", reason: "supervised" });
  assert.deepEqual(decide({ mode: "off" }), { action: "skip", reason: "ai_off" });
});

test("never outside the 24 h window (the AI is no person: no HUMAN_AGENT), never to a story mention", () => {
  assert.deepEqual(decide({ lastInboundAt: minutes(-24 * 60 - 1) }), {
    action: "skip",
    reason: "window_closed",
  });
  assert.deepEqual(decide({ mode: "supervised", lastInboundAt: null }), {
    action: "skip",
    reason: "window_closed",
  });
  assert.deepEqual(decide({ isStoryMention: true }), { action: "skip", reason: "story_mention" });
  assert.deepEqual(decide({ hasReplyText: false }), {
    action: "skip",
    reason: "no_reply_for_intent",
  });
});

test("a template that needs the booking link is not used while the IMO has none", () => {
  assert.equal(fillAiLinks("Book here: {{booking_link}}", { booking_link: null }), null);
  assert.equal(
    fillAiLinks("Book here: {{booking_link}}", { booking_link: "https://cal.example.com/x" }),
    "Book here: https://cal.example.com/x",
  );
  assert.equal(fillAiLinks("Hi {{first_name}}", { booking_link: null }), "Hi {{first_name}}");
});
