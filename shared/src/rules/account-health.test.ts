import { test } from "node:test";
import assert from "node:assert/strict";
import { accountHealth, type AccountHealthInput } from "./account-health.ts";

const now = new Date("2026-11-22T12:00:00Z");
const base: AccountHealthInput = {
  status: "connected",
  auth_path: "instagram_login",
  token_expires_at: "2027-01-21T12:00:00Z",
  scopes: ["instagram_business_basic", "instagram_business_manage_messages"],
  last_webhook_at: "2026-11-22T11:00:00Z",
  last_error: null,
  last_error_at: null,
};

test("a fresh token: countdown in seconds, nothing missing, no reconnect", () => {
  const health = accountHealth(base, now);
  assert.equal(health.token_expires_in_seconds, 60 * 24 * 3600);
  assert.equal(health.token_refresh_due, false);
  assert.deepEqual(health.missing_scopes, []);
  assert.equal(health.needs_reconnect, false);
  assert.equal(health.webhooks_quiet, false);
});

test("refresh is due from day 53 of 60 (7 days left)", () => {
  assert.equal(
    accountHealth({ ...base, token_expires_at: "2026-11-29T12:00:00Z" }, now).token_refresh_due,
    true,
  );
  assert.equal(
    accountHealth({ ...base, token_expires_at: "2026-11-29T12:00:01Z" }, now).token_refresh_due,
    false,
  );
});

test("missing scopes are named and ask for a reconnect", () => {
  const health = accountHealth({ ...base, scopes: ["instagram_business_basic"] }, now);
  assert.deepEqual(health.missing_scopes, ["instagram_business_manage_messages"]);
  assert.equal(health.needs_reconnect, true);
});

test("Facebook Login requires the Page scopes; a Page token without expiry has no countdown", () => {
  const health = accountHealth({
    ...base,
    auth_path: "facebook_login",
    token_expires_at: null,
    scopes: ["instagram_basic"],
  }, now);
  assert.equal(health.token_expires_in_seconds, null);
  assert.equal(health.token_refresh_due, false);
  assert.deepEqual(health.missing_scopes, [
    "instagram_manage_messages",
    "pages_manage_metadata",
    "pages_show_list",
    "pages_read_engagement",
  ]);
});

test("expired tokens and expired status need a reconnect; quiet webhooks are flagged", () => {
  assert.equal(
    accountHealth({ ...base, token_expires_at: "2026-11-22T11:59:59Z" }, now).needs_reconnect,
    true,
  );
  assert.equal(
    accountHealth({ ...base, token_expires_at: "2026-11-22T11:59:59Z" }, now)
      .token_expires_in_seconds,
    0,
  );
  assert.equal(accountHealth({ ...base, status: "expired" }, now).needs_reconnect, true);
  assert.equal(accountHealth({ ...base, last_webhook_at: null }, now).webhooks_quiet, true);
  assert.equal(
    accountHealth({ ...base, last_webhook_at: "2026-11-10T00:00:00Z" }, now).webhooks_quiet,
    true,
  );
  assert.equal(
    accountHealth({ ...base, status: "disconnected", last_webhook_at: null }, now).webhooks_quiet,
    false,
  );
});
