import { test } from "node:test";
import assert from "node:assert/strict";
import { fromBase64Url, toBase64Url } from "./base64url.ts";

test("base64url round-trips bytes with no padding and no + or /", () => {
  const bytes = Uint8Array.from([251, 255, 254, 0, 1, 2, 3]);
  const text = toBase64Url(bytes);
  assert.equal(text, "-__-AAECAw");
  assert.deepEqual(fromBase64Url(text), bytes);
});

test("foreign alphabets are refused", () => {
  assert.throws(() => fromBase64Url("abc+/="), /not base64url/);
});
