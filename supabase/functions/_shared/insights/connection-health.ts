import type { ConnectionHealthResponse } from "../../../../shared/src/contracts/insights.ts";
import { accountHealth, INSIGHTS_SCOPES } from "../../../../shared/src/rules/account-health.ts";
import { connectionProblems } from "../../../../shared/src/rules/connection-problems.ts";
import { channelAccountSchema } from "../../../../shared/src/schemas/channel-account.ts";
import { type Claims } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { asService, withUser } from "../db.ts";
import { graphFetch } from "../meta/graph-client.ts";
import { INSTAGRAM_LOGIN_WEBHOOK_FIELDS, metaConfig, WEBHOOK_FIELDS } from "../meta/meta-config.ts";
import { tokenCipher } from "../token-cipher.ts";

const PUBLIC_COLUMNS = Object.keys(channelAccountSchema.shape);

type Subscription = ConnectionHealthResponse["accounts"][number]["webhook_subscription"];
type Headroom = ConnectionHealthResponse["accounts"][number]["rate_headroom"];

/**
 * The connection-health console: per channel account, what Settings › Channels already shows
 * (accountHealth: token, scopes, webhook recency, errors) and what it does not: the webhook
 * subscription as Meta reports it now, the rate governor's headroom, calls in the last hour, the
 * last insights sync and the last publish, each problem with the action that fixes it.
 */
export async function connectionHealth(
  claims: Claims,
  imoId: string,
  now: Date = new Date(),
): Promise<ConnectionHealthResponse> {
  const { rows, syncs, calls, publishes } = await withUser(claims, async (tx) => {
    await requireImoRole(tx, imoId, ["owner", "admin", "recruiter"]);
    return {
      rows: await tx`
        select ${tx(PUBLIC_COLUMNS)} from public.channel_accounts
        where imo_id = ${imoId} and status <> 'disconnected' order by platform, connected_at`,
      syncs: await tx<
        {
          channel_account_id: string;
          last_attempt_at: Date;
          last_synced_at: Date | null;
          skipped_metrics: { metric: string; reason: string }[];
          last_error: string | null;
        }[]
      >`select channel_account_id, last_attempt_at, last_synced_at, skipped_metrics, last_error
        from public.channel_insights_syncs where imo_id = ${imoId}`,
      calls: await tx<{ channel_account_id: string; calls: number }[]>`
        select channel_account_id, sum(calls)::int as calls from public.graph_call_counts
        where imo_id = ${imoId} and hour_start > now() - interval '1 hour'
        group by channel_account_id`,
      publishes: await tx<{ channel_account_id: string; published_at: Date }[]>`
        select channel_account_id, max(published_at) as published_at from public.publications
        where imo_id = ${imoId} and status = 'published' group by channel_account_id`,
    };
  });
  const accounts = rows.map((row) => channelAccountSchema.parse(JSON.parse(JSON.stringify(row))));
  const ids = accounts.map((a) => a.id);
  // the governor's windows are infrastructure (private schema): read as the service, for the
  // accounts this member was just shown
  const headroom = await asService((tx) =>
    tx<({ channel_account_id: string } & Headroom[number])[]>`
      select a.id as channel_account_id, l.call_kind as kind, l.calls_per_second as limit,
        l.window_ms,
        coalesce((select count(*)::int from unnest(w.recent) c
          where c > clock_timestamp() - l.window_ms * interval '1 millisecond'), 0) as used
      from unnest(${ids}::uuid[]) a(id)
      cross join private.graph_call_limits l
      left join private.graph_call_windows w on w.channel_account_id = a.id
        and w.call_kind = l.call_kind
      order by a.id, l.call_kind`
  );
  const subscriptions = await Promise.all(accounts.map((a) => webhookSubscription(a)));
  return {
    accounts: accounts.map((account, index) => {
      const health = accountHealth(account, now);
      const sync = syncs.find((s) => s.channel_account_id === account.id);
      const insightsScopes: readonly string[] = account.platform === "bluesky"
        ? []
        : INSIGHTS_SCOPES[account.auth_path];
      const missingInsights = insightsScopes.filter((s) => !account.scopes.includes(s));
      const rate = headroom
        .filter((h) => h.channel_account_id === account.id)
        .map(({ kind, limit, window_ms, used }) => ({
          kind,
          limit,
          window_ms,
          used,
          remaining: Math.max(0, limit - used),
        }));
      const subscription = subscriptions[index]!;
      const insights = {
        last_synced_at: sync?.last_synced_at?.toISOString() ?? null,
        last_attempt_at: sync?.last_attempt_at.toISOString() ?? null,
        skipped_metrics: sync?.skipped_metrics ?? [],
        last_error: sync?.last_error ?? null,
      };
      return {
        channel_account_id: account.id,
        platform: account.platform,
        username: account.username,
        display_name: account.display_name,
        health,
        missing_insights_scopes: missingInsights,
        webhook_subscription: subscription,
        rate_headroom: account.platform === "bluesky" ? [] : rate,
        calls_last_hour: calls.find((c) => c.channel_account_id === account.id)?.calls ?? 0,
        last_published_at: publishes
          .find((p) => p.channel_account_id === account.id)?.published_at.toISOString() ?? null,
        insights,
        problems: connectionProblems({
          platform: account.platform,
          auth_path: account.auth_path,
          health,
          missing_insights_scopes: missingInsights,
          webhook_state: subscription.state,
          missing_webhook_fields: subscription.missing_fields,
          exhausted_kinds: account.platform === "bluesky"
            ? []
            : rate.filter((r) => r.remaining === 0).map((r) => r.kind),
          insights_last_synced_at: insights.last_synced_at,
          insights_last_error: insights.last_error,
          insights_skipped: insights.skipped_metrics.map((s) => s.metric),
        }, now),
      };
    }),
  };
}

/**
 * Asks Meta which webhook fields the account (Instagram Login) or its Page (Facebook Login) is
 * subscribed to (docs/meta-platform.md §3 "Enabling webhooks"). A failed question is "unknown",
 * with Meta's words, never a failed page.
 */
async function webhookSubscription(
  account: {
    id: string;
    platform: string;
    auth_path: string;
    status: string;
    facebook_page_id: string | null;
    external_account_id: string;
  },
): Promise<Subscription> {
  if (account.platform === "bluesky" || account.status !== "connected") {
    return { state: "not_applicable", fields: [], missing_fields: [], detail: null };
  }
  const expected = account.auth_path === "instagram_login"
    ? INSTAGRAM_LOGIN_WEBHOOK_FIELDS
    : WEBHOOK_FIELDS;
  try {
    const [secret] = await asService((tx) =>
      tx<{ access_token_encrypted: string | null }[]>`
        select access_token_encrypted from public.channel_accounts where id = ${account.id}`
    );
    if (!secret?.access_token_encrypted) {
      return { state: "unknown", fields: [], missing_fields: expected, detail: "No token stored" };
    }
    const token = await (await tokenCipher()).decrypt(secret.access_token_encrypted);
    const config = metaConfig();
    const pageId = account.platform === "facebook"
      ? account.external_account_id
      : account.facebook_page_id;
    const url = account.auth_path === "instagram_login"
      ? `${config.instagramGraph}/me/subscribed_apps`
      : `${config.facebookGraph}/${pageId}/subscribed_apps`;
    const body = await graphFetch(url, { token, timeoutMs: 4000 });
    const entries = (body.data ?? []) as { id?: string; subscribed_fields?: string[] }[];
    const ours = entries.find((e) =>
      !e.id || e.id === config.INSTAGRAM_APP_ID || e.id === config.META_APP_ID
    );
    const fields = ours?.subscribed_fields ?? [];
    const missing = expected.filter((f) => !fields.includes(f));
    return {
      state: fields.length === 0 ? "not_subscribed" : missing.length ? "partial" : "subscribed",
      fields,
      missing_fields: missing,
      detail: null,
    };
  } catch (error) {
    return {
      state: "unknown",
      fields: [],
      missing_fields: [],
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
