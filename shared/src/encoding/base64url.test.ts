import { test } from "node:test";
import assert from "node:assert/strict";
import { base64UrlToJson, fromBase64Url, jsonToBase64Url, toBase64Url } from "./base64url.ts";

test("base64url round-trips bytes with no padding and no + or /", () => {
  const bytes = Uint8Array.from([251, 255, 254, 0, 1, 2, 3]);
  const text = toBase64Url(bytes);
  assert.equal(text, "-__-AAECAw");
  assert.deepEqual(fromBase64Url(text), bytes);
});

test("JSON with unicode survives the trip; foreign alphabets are refused", () => {
  const value = { reason: "Página sin cuenta 👋" };
  assert.deepEqual(base64UrlToJson(jsonToBase64Url(value)), value);
  assert.throws(() => fromBase64Url("abc+/="), /not base64url/);
});
