import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_MESSAGE_BYTES, messageTextBytes, messageTextSchema } from "./message-text.ts";

const errorOf = (text: string) => {
  const result = messageTextSchema.safeParse(text);
  assert.equal(result.success, false, `expected ${JSON.stringify(text)} to be refused`);
  return result.error?.issues.map((i) => i.message).join("; ") ?? "";
};

test("the limit is 1000 bytes", () => {
  assert.equal(MAX_MESSAGE_BYTES, 1000);
});

test("messageTextBytes counts UTF-8 bytes, not characters", () => {
  assert.equal(messageTextBytes(""), 0);
  assert.equal(messageTextBytes("hello"), 5);
  assert.equal(messageTextBytes("é"), 2);
  assert.equal(messageTextBytes("€"), 3);
  assert.equal(messageTextBytes("😀"), 4);
  assert.equal(messageTextBytes("👍🏽"), 8);
  assert.equal(messageTextBytes("👩‍👩‍👧"), 18);
  assert.equal(messageTextBytes("Olá, tudo bem? 👋"), 20);
});

test("999, 1000 and 1001 bytes of accented text: the last is refused", () => {
  const b999 = "é".repeat(499) + "a";
  const b1000 = "é".repeat(500);
  const b1001 = "é".repeat(500) + "a";
  assert.deepEqual([b999, b1000, b1001].map(messageTextBytes), [999, 1000, 1001]);
  assert.equal(messageTextSchema.parse(b999), b999);
  assert.equal(messageTextSchema.parse(b1000), b1000);
  assert.match(errorOf(b1001), /too long: 1001 bytes, Instagram allows 1000/);
});

test("999, 1000 and 1001 bytes with emoji: the last is refused", () => {
  const b999 = "😀".repeat(249) + "abc";
  const b1000 = "😀".repeat(250);
  const b1001 = "😀".repeat(250) + "a";
  assert.deepEqual([b999, b1000, b1001].map(messageTextBytes), [999, 1000, 1001]);
  assert.equal(messageTextSchema.parse(b999), b999);
  assert.equal(messageTextSchema.parse(b1000), b1000);
  assert.match(errorOf(b1001), /too long: 1001 bytes/);
  assert.match(errorOf("😀".repeat(251)), /too long: 1004 bytes/);
});

test("1000 characters can be far over 1000 bytes", () => {
  const text = "é".repeat(1000);
  assert.equal(text.length, 1000);
  assert.match(errorOf(text), /too long: 2000 bytes/);
  assert.equal(messageTextSchema.safeParse("a".repeat(1000)).success, true);
  assert.match(errorOf("a".repeat(1001)), /too long: 1001 bytes/);
});

test("empty and whitespace-only text is refused", () => {
  for (const text of ["", " ", "   ", "\n\t \r\n", "\u00a0", "\u3000"]) {
    assert.match(errorOf(text), /cannot be empty/, JSON.stringify(text));
  }
});

test("whitespace that is too long is reported as empty, once", () => {
  const result = messageTextSchema.safeParse(" ".repeat(1200));
  assert.equal(result.success, false);
  assert.equal(result.error?.issues.length, 1);
  assert.match(result.error?.issues[0]?.message ?? "", /cannot be empty/);
});

test("valid text is returned unchanged, not trimmed", () => {
  assert.equal(messageTextSchema.parse("  Hi Sam!  \n"), "  Hi Sam!  \n");
  assert.equal(messageTextSchema.parse("👋"), "👋");
});

test("non-strings are refused", () => {
  assert.equal(messageTextSchema.safeParse(42).success, false);
  assert.equal(messageTextSchema.safeParse(null).success, false);
});
