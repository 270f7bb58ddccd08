import assert from "node:assert/strict";
import { f1, GOALS, readHeldOut, scoreHeldOut } from "./held-out-score.ts";

Deno.test("the held-out set is at least 150 messages, none of them a training example, with misspellings, emoji and Spanish", () => {
  const rows = readHeldOut();
  assert.ok(rows.length >= 150, `${rows.length} messages`);
  assert.ok(rows.filter((r) => /\p{Extended_Pictographic}/u.test(r.text)).length >= 10, "emoji");
  assert.ok(
    rows.filter((r) => /[ñáéíóú¿¡]|\b(?:quiero|gracias|puedo|mi)\b/i.test(r.text)).length >= 15,
    "Spanish",
  );
  assert.ok(
    rows.filter((r) => /intrest|intersted|comision|wnt|u hav|2morrow|blk/i.test(r.text)).length >=
      5,
    "misspellings",
  );
});

Deno.test("the offline provider reaches the issue's goals on the held-out set: intent accuracy and email and phone F1", () => {
  const score = scoreHeldOut();
  const context = score.misses.join("\n");
  assert.ok(score.accuracy >= GOALS.accuracy, `accuracy ${score.accuracy}\n${context}`);
  assert.ok(
    f1(score.counts.email).f1 >= GOALS.f1,
    `email ${JSON.stringify(score.counts.email)}\n${context}`,
  );
  assert.ok(
    f1(score.counts.phone).f1 >= GOALS.f1,
    `phone ${JSON.stringify(score.counts.phone)}\n${context}`,
  );
});
