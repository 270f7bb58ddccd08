import assert from "node:assert/strict";
import { test } from "node:test";
import { accountHealth } from "./account-health.ts";
import { type ConnectionFacts, connectionProblems } from "./connection-problems.ts";

const now = new Date("2026-12-02T12:00:00Z");
const healthy: ConnectionFacts = {
  platform: "instagram",
  auth_path: "instagram_login",
  health: accountHealth({
    status: "connected",
    auth_path: "instagram_login",
    token_expires_at: "2027-01-20T00:00:00Z",
    scopes: ["instagram_business_basic", "instagram_business_manage_messages"],
    last_webhook_at: "2026-12-02T11:00:00Z",
    last_error: null,
    last_error_at: null,
  }, now),
  missing_insights_scopes: [],
  webhook_state: "subscribed",
  missing_webhook_fields: [],
  exhausted_kinds: [],
  insights_last_synced_at: "2026-12-02T11:07:00Z",
  insights_last_error: null,
  insights_skipped: [],
};

test("a healthy account has no problems", () => {
  assert.deepEqual(connectionProblems(healthy, now), []);
});

test("each problem comes with the action that fixes it", () => {
  const problems = connectionProblems({
    ...healthy,
    health: accountHealth({
      status: "connected",
      auth_path: "instagram_login",
      token_expires_at: "2026-12-05T00:00:00Z",
      scopes: ["instagram_business_basic"],
      last_webhook_at: null,
      last_error: null,
      last_error_at: null,
    }, now),
    missing_insights_scopes: ["instagram_business_manage_insights"],
    webhook_state: "not_subscribed",
    exhausted_kinds: ["insights"],
    insights_last_synced_at: "2026-12-02T06:00:00Z",
    insights_skipped: ["profile_views"],
  }, now);
  assert.deepEqual(problems.map((p) => [p.code, p.action]), [
    ["token_expiring", "refresh_token"],
    ["missing_scopes", "reconnect"],
    ["missing_insights_scopes", "reconnect"],
    ["webhooks_not_subscribed", "resubscribe_webhooks"],
    ["rate_limited", "wait"],
    ["insights_stale", "sync_insights"],
    ["insights_metrics_skipped", "wait"],
  ]);
});

test("a disconnected account only needs reconnecting", () => {
  const problems = connectionProblems({
    ...healthy,
    health: { ...healthy.health, status: "disconnected" },
  }, now);
  assert.deepEqual(problems.map((p) => p.action), ["reconnect"]);
});
