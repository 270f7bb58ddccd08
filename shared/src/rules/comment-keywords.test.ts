import { test } from "node:test";
import assert from "node:assert/strict";
import { matchesKeyword } from "./comment-keywords.ts";

test("keywords match whole words, whatever the case, accents and punctuation", () => {
  for (const text of ["JOIN", "join!", "Join 🙌", "I want to join, please", "¿JOIN?"]) {
    assert.equal(matchesKeyword(text, "join"), true, text);
  }
  for (const text of ["joined last year", "rejoin", "joining", "jo in", ""]) {
    assert.equal(matchesKeyword(text, "join"), false, text);
  }
  assert.equal(matchesKeyword("Información, por favor", "informacion"), true);
  assert.equal(matchesKeyword("more  info please", "more info"), true);
  assert.equal(matchesKeyword("info more", "more info"), false);
  assert.equal(matchesKeyword("anything", "  "), false, "a blank keyword matches nothing");
});
