import assert from "node:assert/strict";
import { test } from "node:test";
import { type AnalysisEntities, type Intent, NO_ENTITIES } from "../contracts/message-analysis.ts";
import type { QualificationState } from "../schemas/enums.ts";
import {
  aiQualificationMove,
  canPersonMove,
  knownEntities,
  QUALIFICATION_ORDER,
} from "./qualification.ts";

const call = {
  text: "tomorrow at 3pm",
  at: "2026-12-04T20:00:00.000Z",
  has_time: true,
} as const;
const contactDetails: AnalysisEntities = {
  ...NO_ENTITIES,
  email: "ana@example.com",
  phone: "+15125550199",
  licensed: false,
};
const move = (
  from: QualificationState,
  intent: Intent,
  entities: Partial<AnalysisEntities> = {},
  known: Partial<AnalysisEntities> = {},
) =>
  aiQualificationMove(from, { intent, entities: { ...NO_ENTITIES, ...entities } }, {
    ...NO_ENTITIES,
    ...known,
  })?.to ?? null;

test("new → qualifying when the contact engages; not for a greeting, spam or a no", () => {
  for (const intent of ["interested", "compensation_question", "requirements_question"] as const) {
    assert.equal(move("new", intent), "qualifying", intent);
  }
  for (const intent of ["other", "spam", "not_interested", "order"] as const) {
    assert.equal(move("new", intent), null, intent);
  }
});

test("→ qualified once email, phone and licence status are known, from new or qualifying", () => {
  assert.equal(move("new", "other", {}, contactDetails), "qualified");
  assert.equal(move("qualifying", "interested", {}, contactDetails), "qualified");
  // a "no" is a licence status too: an unlicensed candidate is qualified to be called
  assert.equal(move("qualifying", "other", {}, { ...contactDetails, licensed: true }), "qualified");
  assert.equal(move("qualifying", "interested", {}, { ...contactDetails, phone: null }), null);
  assert.equal(move("qualifying", "interested", {}, { ...contactDetails, licensed: null }), null);
});

test("→ booked when a call is asked for at a named time, from any state before it", () => {
  for (const from of ["new", "qualifying", "qualified"] as const) {
    assert.equal(move(from, "schedule_call", { availability: call }), "booked", from);
  }
  // a day without a time, or a time without asking for a call, books nothing
  assert.equal(
    move("qualified", "schedule_call", { availability: { ...call, has_time: false } }),
    null,
  );
  assert.equal(move("qualified", "interested", { availability: call }), null);
});

test("the AI never moves backwards, never to closed and never out of closed", () => {
  assert.equal(move("booked", "interested", {}, contactDetails), null);
  assert.equal(move("qualified", "interested"), null);
  assert.equal(move("booked", "schedule_call", { availability: call }), null);
  for (const intent of ["interested", "schedule_call", "not_interested", "spam"] as const) {
    assert.equal(move("closed", intent, { availability: call }, contactDetails), null, intent);
  }
  for (const from of QUALIFICATION_ORDER) {
    for (const intent of ["not_interested", "spam", "other"] as const) {
      const to = move(from, intent, {}, contactDetails);
      assert.notEqual(to, "closed");
      if (to) assert.ok(QUALIFICATION_ORDER.indexOf(to) > QUALIFICATION_ORDER.indexOf(from));
    }
  }
});

test("a person may move between any two different states", () => {
  for (const from of QUALIFICATION_ORDER) {
    for (const to of QUALIFICATION_ORDER) assert.equal(canPersonMove(from, to), from !== to);
  }
});

test("known entities: the latest value of each, across the conversation's messages", () => {
  const known = knownEntities([
    { ...NO_ENTITIES, email: "old@example.com", us_state: "TX" },
    { ...NO_ENTITIES, email: "new@example.com", licensed: false },
    { ...NO_ENTITIES, phone: "+15125550199" },
  ]);
  assert.deepEqual(known, {
    ...NO_ENTITIES,
    email: "new@example.com",
    us_state: "TX",
    licensed: false,
    phone: "+15125550199",
  });
});
