import assert from "node:assert/strict";
import { test } from "node:test";
import { blueskyTextProblem, graphemeLength, utf8Length } from "./bluesky-text.ts";

test("graphemes are counted as a reader sees them, as Bluesky counts", () => {
  assert.equal(graphemeLength("hello"), 5);
  assert.equal(graphemeLength("👍🏽"), 1); // thumbs up + skin tone modifier
  assert.equal(graphemeLength("🇺🇸"), 1); // two regional indicators
  assert.equal(graphemeLength("👨‍👩‍👧"), 1); // joined with zero-width joiners
  assert.equal(graphemeLength("é"), 1); // e + combining acute
  assert.equal("👨‍👩‍👧".length, 8, "JavaScript's length counts UTF-16 units instead");
  assert.equal(utf8Length("👋"), 4);
});

test("a post may have 300 graphemes, not 301, however many bytes they take", () => {
  assert.equal(blueskyTextProblem("👍🏽".repeat(300)), null);
  assert.match(blueskyTextProblem("👍🏽".repeat(301))!, /300 characters; this is 301/);
  assert.equal(blueskyTextProblem("a".repeat(300)), null);
  assert.equal(blueskyTextProblem("   "), "Write something first");
  // 300 graphemes of 11 bytes each is over the 3000-byte ceiling
  assert.match(blueskyTextProblem("👨‍👩‍👧".repeat(300))!, /3000 bytes/);
  assert.equal(blueskyTextProblem("a".repeat(1000), "dm"), null);
  assert.notEqual(blueskyTextProblem("a".repeat(1001), "dm"), null);
});
