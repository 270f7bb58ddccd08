import { graphFetch, MetaApiError } from "../meta/graph-client.ts";
import type { MetaConfig } from "../meta/meta-config.ts";
import { waitForGraphCall } from "../meta/rate-governor.ts";
import { INSTAGRAM_METRICS, PAGE_METRICS } from "./metric-catalog.ts";

/** A metric Meta refused to serve, skipped rather than failing the sync (docs/meta-platform.md §6). */
export interface Skipped {
  metric: string;
  reason: string;
}

export interface InsightsAccount {
  id: string;
  platform: "instagram" | "facebook";
  auth_path: "instagram_login" | "facebook_login";
  external_account_id: string;
  token: string;
}

export interface FetchedInsights {
  metrics: Record<string, number>;
  skipped: Skipped[];
}

const unixSeconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

/**
 * Meta's code 100 for a metric it no longer serves or never knew (§6): Instagram names the metric
 * ("the impressions metric is no longer supported"), a Page does not ("The value must be a valid
 * insights metric"). Returns the metric it names among `asked`, or "" when it names none.
 */
function refusedMetric(error: unknown, asked: string[]): string | null {
  if (!(error instanceof MetaApiError) || error.code !== 100) return null;
  const named = asked.find((metric) => new RegExp(`\\b${metric}\\b`).test(error.message));
  return named ?? "";
}

/**
 * Asks for `metrics` at once; a metric Meta refuses is dropped and the rest asked again. When the
 * error does not name the metric, each is asked alone to find the refused ones. Any other error
 * (token, permission, throttling, Meta down) fails the account's sync.
 */
async function fetchServed(
  accountId: string,
  metrics: string[],
  ask: (metrics: string[]) => Promise<Record<string, number>>,
): Promise<FetchedInsights> {
  const skipped: Skipped[] = [];
  let remaining = [...metrics];
  while (remaining.length > 0) {
    try {
      await waitForGraphCall(accountId, "insights");
      return { metrics: await ask(remaining), skipped };
    } catch (error) {
      const refused = refusedMetric(error, remaining);
      if (refused === null) throw error;
      const reason = (error as MetaApiError).message;
      if (refused !== "") {
        skipped.push({ metric: refused, reason });
        remaining = remaining.filter((m) => m !== refused);
      } else if (remaining.length === 1) {
        skipped.push({ metric: remaining[0]!, reason });
        remaining = [];
      } else {
        const values: Record<string, number> = {};
        for (const metric of remaining) {
          const one = await fetchServed(accountId, [metric], ask);
          Object.assign(values, one.metrics);
          skipped.push(...one.skipped);
        }
        return { metrics: values, skipped };
      }
    }
  }
  return { metrics: {}, skipped };
}

/**
 * Instagram account insights (§6): the day-to-date totals (`period=day`, `metric_type=total_value`,
 * since 00:00 UTC until the window's end) and the account's running follower count.
 */
export async function fetchInstagramInsights(
  config: MetaConfig,
  account: InsightsAccount,
  dayStart: Date,
  windowEnd: Date,
): Promise<FetchedInsights> {
  const base = account.auth_path === "instagram_login"
    ? config.instagramGraph
    : config.facebookGraph;
  const names = INSTAGRAM_METRICS.filter((m) => m.kind === "day_to_date").map((m) => m.name);
  const fetched = await fetchServed(account.id, names, async (metrics) => {
    const url = new URL(`${base}/${account.external_account_id}/insights`);
    url.searchParams.set("metric", metrics.join(","));
    url.searchParams.set("period", "day");
    url.searchParams.set("metric_type", "total_value");
    url.searchParams.set("since", unixSeconds(dayStart));
    url.searchParams.set("until", unixSeconds(windowEnd));
    const body = await graphFetch(url, { token: account.token });
    const values: Record<string, number> = {};
    // an empty data set instead of 0 (§6 "Limitations"): absent metrics count as 0
    for (const metric of metrics) values[metric] = 0;
    for (const item of (body.data ?? []) as { name: string; total_value?: { value?: number } }[]) {
      if (typeof item.total_value?.value === "number") values[item.name] = item.total_value.value;
    }
    return values;
  });
  await waitForGraphCall(account.id, "insights");
  const url = new URL(`${base}/${account.external_account_id}`);
  url.searchParams.set("fields", "followers_count");
  const node = await graphFetch(url, { token: account.token });
  if (typeof node.followers_count === "number") {
    fetched.metrics.followers_count = node.followers_count;
  }
  return fetched;
}

/**
 * Facebook Page insights (§6): daily values since 00:00 UTC until the window's end, with the
 * Page token; `page_follows` is the running total of followers.
 */
export async function fetchPageInsights(
  config: MetaConfig,
  account: InsightsAccount,
  dayStart: Date,
  windowEnd: Date,
): Promise<FetchedInsights> {
  const names = PAGE_METRICS.map((m) => m.name);
  return await fetchServed(account.id, names, async (metrics) => {
    const url = new URL(`${config.facebookGraph}/${account.external_account_id}/insights`);
    url.searchParams.set("metric", metrics.join(","));
    url.searchParams.set("period", "day");
    url.searchParams.set("since", unixSeconds(dayStart));
    url.searchParams.set("until", unixSeconds(windowEnd));
    const body = await graphFetch(url, { token: account.token });
    const values: Record<string, number> = {};
    for (const metric of metrics) values[metric] = 0;
    for (
      const item of (body.data ?? []) as { name: string; values?: { value?: number }[] }[]
    ) {
      // the last day's value: today so far, or the running total at the window's end
      const last = item.values?.at(-1)?.value;
      if (typeof last === "number") values[item.name] = last;
    }
    return values;
  });
}
