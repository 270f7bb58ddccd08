import type { InsightsSyncResult } from "../../../../shared/src/contracts/insights.ts";
import { insightDeltas } from "../../../../shared/src/rules/insights-deltas.ts";
import { asService, type Tx } from "../db.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { tokenCipher } from "../token-cipher.ts";
import {
  type FetchedInsights,
  fetchInstagramInsights,
  fetchPageInsights,
  type InsightsAccount,
} from "./graph-insights.ts";
import { INSTAGRAM_METRICS, PAGE_METRICS } from "./metric-catalog.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The closed hour before `at`: the window an hourly run stores. */
export function hourWindow(at: Date) {
  const end = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  return { start: new Date(end.getTime() - HOUR_MS), end };
}

interface AccountRow {
  id: string;
  imo_id: string;
  platform: "instagram" | "facebook";
  auth_path: "instagram_login" | "facebook_login";
  external_account_id: string;
  access_token_encrypted: string;
}

/**
 * Syncs one hourly window for the connected Meta accounts chosen by `filter` (all of them for the
 * cron, an IMO's or one account for "Sync now"). Each account on its own: one that fails is
 * reported and the others go on. Storing is idempotent: a window is one row per account and
 * period, and a run that finds the same numbers changes nothing (not even `updated_at`).
 */
export async function syncInsights(
  filter: { imoId?: string; channelAccountId?: string },
  at: Date = new Date(),
): Promise<InsightsSyncResult> {
  const window = hourWindow(at);
  const accounts = await asService((tx) =>
    tx<AccountRow[]>`
      select id, imo_id, platform::text as platform, auth_path::text as auth_path,
        external_account_id, access_token_encrypted
      from public.channel_accounts
      where status = 'connected' and platform in ('instagram', 'facebook')
        and access_token_encrypted is not null
        ${filter.imoId ? tx`and imo_id = ${filter.imoId}` : tx``}
        ${filter.channelAccountId ? tx`and id = ${filter.channelAccountId}` : tx``}
      order by imo_id, platform, id`
  );
  const cipher = await tokenCipher();
  const results: InsightsSyncResult["accounts"] = [];
  for (const row of accounts) {
    let fetched: FetchedInsights | undefined;
    let error: string | null = null;
    try {
      fetched = await fetchWindow(
        { ...row, token: await cipher.decrypt(row.access_token_encrypted) },
        window.end,
      );
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const outcome = fetched ? await storeWindow(row, window, fetched) : "failed";
    await asService((tx) =>
      tx`insert into public.channel_insights_syncs as s (channel_account_id, imo_id,
           last_attempt_at, last_synced_at, last_window_start, skipped_metrics, last_error)
         values (${row.id}, ${row.imo_id}, now(), ${fetched ? new Date() : null},
           ${fetched ? window.start : null}, ${
        tx.json((fetched?.skipped ?? []) as never)
      }, ${error})
         on conflict (channel_account_id) do update set
           last_attempt_at = excluded.last_attempt_at,
           last_synced_at = coalesce(excluded.last_synced_at, s.last_synced_at),
           last_window_start = coalesce(excluded.last_window_start, s.last_window_start),
           skipped_metrics = case when excluded.last_error is null
             then excluded.skipped_metrics else s.skipped_metrics end,
           last_error = excluded.last_error`
    );
    results.push({
      channel_account_id: row.id,
      platform: row.platform,
      outcome,
      skipped: fetched?.skipped ?? [],
      error,
    });
  }
  return {
    window: {
      period: "hour",
      window_start: window.start.toISOString(),
      window_end: window.end.toISOString(),
    },
    accounts: results,
  };
}

/** Meta's numbers at the window's end: day-to-date since 00:00 UTC of the window's day. */
function fetchWindow(account: InsightsAccount, windowEnd: Date) {
  const dayStart = new Date(Math.floor((windowEnd.getTime() - 1) / DAY_MS) * DAY_MS);
  const config = metaConfig();
  return account.platform === "instagram"
    ? fetchInstagramInsights(config, account, dayStart, windowEnd)
    : fetchPageInsights(config, account, dayStart, windowEnd);
}

/** Upserts the window with its deltas over the previous window's snapshot. */
async function storeWindow(
  account: AccountRow,
  window: { start: Date; end: Date },
  fetched: FetchedInsights,
): Promise<"stored" | "updated" | "unchanged"> {
  const specs = account.platform === "instagram" ? INSTAGRAM_METRICS : PAGE_METRICS;
  return await asService(async (tx) => {
    const [previous] = await tx<{ window_start: Date; metrics: Record<string, number> }[]>`
      select window_start, metrics from public.channel_insights
      where channel_account_id = ${account.id} and period = 'hour'
        and window_start = ${new Date(window.start.getTime() - HOUR_MS)}`;
    const derived = insightDeltas(specs, window.start, fetched.metrics, previous ?? null);
    const [row] = await tx<{ inserted: boolean }[]>`
      insert into public.channel_insights as i (imo_id, channel_account_id, platform, period,
        window_start, window_end, metrics, derived)
      values (${account.imo_id}, ${account.id}, ${account.platform}, 'hour', ${window.start},
        ${window.end}, ${tx.json(fetched.metrics)}, ${tx.json(derived as never)})
      on conflict (channel_account_id, period, window_start) do update set
        metrics = excluded.metrics, derived = excluded.derived, synced_at = now()
      where (i.metrics, i.derived) is distinct from (excluded.metrics, excluded.derived)
      returning (xmax = 0) as inserted`;
    if (!row) return "unchanged";
    if (!row.inserted) {
      // the next window's deltas were computed from this one: derive them again
      await rederiveNext(tx, account, specs, window.start, fetched.metrics);
    }
    return row.inserted ? "stored" : "updated";
  });
}

async function rederiveNext(
  tx: Tx,
  account: AccountRow,
  specs: typeof INSTAGRAM_METRICS,
  windowStart: Date,
  metrics: Record<string, number>,
) {
  const nextStart = new Date(windowStart.getTime() + HOUR_MS);
  const [next] = await tx<{ metrics: Record<string, number> }[]>`
    select metrics from public.channel_insights
    where channel_account_id = ${account.id} and period = 'hour' and window_start = ${nextStart}`;
  if (!next) return;
  const derived = insightDeltas(specs, nextStart, next.metrics, {
    window_start: windowStart,
    metrics,
  });
  await tx`update public.channel_insights set derived = ${tx.json(derived as never)}
    where channel_account_id = ${account.id} and period = 'hour' and window_start = ${nextStart}
      and derived is distinct from ${tx.json(derived as never)}`;
}
