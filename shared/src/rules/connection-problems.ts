/**
 * The connection-health console's verdicts: each problem of a channel account with the action that
 * fixes it. Pure, so the function and its tests share one rule.
 */
import type { HealthProblem } from "../contracts/insights.ts";
import type { AccountHealth } from "./account-health.ts";

export interface ConnectionFacts {
  platform: string;
  auth_path: string;
  health: AccountHealth;
  missing_insights_scopes: string[];
  webhook_state: "subscribed" | "partial" | "not_subscribed" | "unknown" | "not_applicable";
  missing_webhook_fields: string[];
  /** kinds of Graph call with nothing left in the governor's window */
  exhausted_kinds: string[];
  insights_last_synced_at: string | null;
  insights_last_error: string | null;
  insights_skipped: string[];
}

/** Insights are synced hourly: no sync for this long is a problem. */
export const INSIGHTS_STALE_MS = 3 * 60 * 60 * 1000;

export function connectionProblems(
  facts: ConnectionFacts,
  now: Date = new Date(),
): HealthProblem[] {
  const problems: HealthProblem[] = [];
  const { health } = facts;
  const add = (problem: HealthProblem) => problems.push(problem);
  if (health.status === "disconnected") {
    add({
      code: "disconnected",
      severity: "error",
      message: "This account is disconnected: nothing arrives and nothing can be sent.",
      action: "reconnect",
      action_label: "Reconnect",
    });
    return problems;
  }
  if (health.status === "expired" || (health.token_expires_in_seconds === 0)) {
    add({
      code: "token_expired",
      severity: "error",
      message: "The access token has expired or was revoked; Meta refuses every call.",
      action: "reconnect",
      action_label: "Reconnect",
    });
  } else if (health.token_refresh_due) {
    add({
      code: "token_expiring",
      severity: "warning",
      message: `The token expires ${
        health.token_expires_at ? `on ${health.token_expires_at.slice(0, 10)}` : "soon"
      }; the hourly refresh renews it, or reconnect now.`,
      action: "refresh_token",
      action_label: "Reconnect to renew",
    });
  }
  if (health.status === "error") {
    add({
      code: "account_error",
      severity: "error",
      message: health.last_error ?? "The last call to the platform failed.",
      action: "reconnect",
      action_label: "Reconnect",
    });
  }
  if (health.missing_scopes.length > 0) {
    add({
      code: "missing_scopes",
      severity: "error",
      message: `Permissions missing for messaging: ${health.missing_scopes.join(", ")}.`,
      action: "reconnect",
      action_label: "Reconnect and allow them",
    });
  }
  if (facts.missing_insights_scopes.length > 0) {
    add({
      code: "missing_insights_scopes",
      severity: "warning",
      message: `Insights need ${facts.missing_insights_scopes.join(", ")}.`,
      action: "reconnect",
      action_label: "Reconnect and allow insights",
    });
  }
  if (facts.webhook_state === "not_subscribed" || facts.webhook_state === "partial") {
    add({
      code: "webhooks_not_subscribed",
      severity: "error",
      message: facts.webhook_state === "partial"
        ? `Meta sends no webhooks for: ${facts.missing_webhook_fields.join(", ")}.`
        : "Meta has no webhook subscription for this account: new messages will not arrive.",
      action: "resubscribe_webhooks",
      action_label: "Reconnect to subscribe",
    });
  }
  if (health.webhooks_quiet && facts.webhook_state !== "not_subscribed") {
    add({
      code: "webhooks_quiet",
      severity: "warning",
      message: facts.auth_path === "app_password"
        ? "The account has not been read for a while."
        : "No webhook has arrived for a week. If people wrote, check the app's webhook settings.",
      action: "check_meta",
      action_label: "Check the webhook settings",
    });
  }
  for (const kind of facts.exhausted_kinds) {
    add({
      code: "rate_limited",
      severity: "warning",
      message: `No ${kind.replace(/_/g, " ")} calls are left in the current window.`,
      action: "wait",
      action_label: "Wait for the window to pass",
    });
  }
  if (facts.platform !== "bluesky") {
    if (facts.insights_last_error) {
      add({
        code: "insights_failed",
        severity: "warning",
        message: `The last insights sync failed: ${facts.insights_last_error}`,
        action: "sync_insights",
        action_label: "Sync now",
      });
    } else if (
      facts.insights_last_synced_at === null ||
      now.getTime() - Date.parse(facts.insights_last_synced_at) > INSIGHTS_STALE_MS
    ) {
      add({
        code: "insights_stale",
        severity: "warning",
        message: facts.insights_last_synced_at === null
          ? "Insights have never been synced."
          : "Insights have not been synced for over three hours.",
        action: "sync_insights",
        action_label: "Sync now",
      });
    }
    if (facts.insights_skipped.length > 0) {
      add({
        code: "insights_metrics_skipped",
        severity: "warning",
        message: `Meta no longer serves: ${facts.insights_skipped.join(", ")}; they are skipped.`,
        action: "wait",
        action_label: "Nothing to do",
      });
    }
  }
  return problems;
}
