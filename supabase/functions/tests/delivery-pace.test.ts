/**
 * The pause before a delivery's 200 (delivery-pace.ts): 0 without a backlog, up in steps while more
 * than a batch waits, never past its ceiling, and back to 0 once processing has caught up.
 */
import assert from "node:assert/strict";
import { createPace } from "../_shared/webhooks/delivery-pace.ts";

const options = {
  backlogLimit: 1000,
  maxPauseMs: 40,
  intervalMs: 100,
  stepUpMs: 2,
  stepDownMs: 1,
};

Deno.test("no backlog, no pause: a delivery is answered as soon as it is stored", () => {
  const pace = createPace(options);
  for (let t = 0; t < 5000; t += 10) assert.equal(pace(t % 900, t), 0);
});

Deno.test("a backlog raises the pause step by step, once per interval, up to its ceiling", () => {
  const pace = createPace(options);
  assert.equal(pace(1500, 0), 2);
  // within the interval the pause holds, however often it is asked
  assert.equal(pace(5000, 50), 2);
  assert.equal(pace(5000, 99), 2);
  assert.equal(pace(1500, 100), 4);
  let pause = 0;
  for (let t = 200; t < 10_000; t += 100) pause = pace(1500, t);
  assert.equal(pause, 40);
});

Deno.test("between half a batch and a batch waiting the pause holds; below it, it falls to 0", () => {
  const pace = createPace(options);
  let t = 0;
  let pause = 0;
  for (; t < 1000; t += 100) pause = pace(2000, t);
  assert.equal(pause, 20);
  assert.equal(pace(700, t), 20);
  t += 100;
  assert.equal(pace(400, t), 19);
  for (t += 100; t < 5000; t += 100) pause = pace(100, t);
  assert.equal(pause, 0);
});
