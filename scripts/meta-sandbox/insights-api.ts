/**
 * Account insights (§6): `GET /<IG_ID>/insights` (Instagram account insights, graph.instagram.com
 * or graph.facebook.com) and `GET /<PAGE_ID>/insights` (Facebook Page insights, graph.facebook.com
 * with the Page's token). The numbers are a plausible, deterministic series: every metric has an
 * hourly rate that follows the time of day and a hash of the account, metric and hour, so the same
 * question always gets the same answer and a window's total is the sum of its hours. Deprecated
 * metrics answer Meta's code-100 errors (§6); a test may make any metric unavailable for one
 * account (`POST /_sandbox/accounts/<id>/insights`), as Meta does when it stops serving one.
 */
import type { GraphCall } from "./graph-context.ts";
import { GraphError, graphErrors } from "./graph-errors.ts";
import { stringParam } from "./http-helpers.ts";
import type { FacebookPage, InstagramAccount, SandboxState } from "./sandbox-state.ts";

const HOUR_S = 3600;
const DAY_S = 86_400;

/** Mean events per hour at the busiest time of day. */
const INSTAGRAM_RATES: Record<string, number> = {
  reach: 40,
  views: 120,
  accounts_engaged: 6,
  total_interactions: 9,
  likes: 6,
  comments: 1,
  shares: 1,
  saves: 1,
  replies: 1,
  profile_views: 5,
  website_clicks: 1,
  profile_links_taps: 1,
  follower_count: 2,
};
/** Only these take `metric_type=time_series` (§6: reach; follower_count is daily by nature). */
const INSTAGRAM_TIME_SERIES = new Set(["reach", "follower_count"]);
/** Gone for every version (§6): the answer is an error naming the metric. */
const INSTAGRAM_DEPRECATED = new Set(["impressions"]);

const PAGE_RATES: Record<string, number> = {
  page_media_view: 90,
  page_total_media_view_unique: 35,
  page_post_engagements: 7,
  page_views_total: 4,
};
/** A running total rather than a rate: followers of the Page at the end of each day. */
const PAGE_CUMULATIVE = new Set(["page_follows"]);
/** Deprecated on Mar 14 2024, Jun 15 2025 and Nov 15 2025 (§6 "Facebook Page insights"). */
const PAGE_DEPRECATED = new Set([
  "page_impressions",
  "page_impressions_unique",
  "page_impressions_paid",
  "page_engaged_users",
  "page_fans",
  "page_fan_adds",
  "page_fan_removes",
  "page_consumptions",
]);

/** Metrics a test has switched off, per Instagram account or Page id (lost on reset with the state). */
const unavailable = new WeakMap<SandboxState, Map<string, Set<string>>>();

export function setUnavailableMetrics(state: SandboxState, nodeId: string, metrics: string[]) {
  let byNode = unavailable.get(state);
  if (!byNode) unavailable.set(state, byNode = new Map());
  byNode.set(nodeId, new Set(metrics));
}

const isUnavailable = (state: SandboxState, nodeId: string, metric: string) =>
  unavailable.get(state)?.get(nodeId)?.has(metric) ?? false;

/** 32-bit FNV-1a: the jitter of one hour of one metric. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Events of one metric in the hour starting at `hourStartS` (unix seconds, UTC). */
export function hourlyValue(nodeId: string, metric: string, rate: number, hourStartS: number) {
  const hourOfDay = Math.floor(hourStartS / HOUR_S) % 24;
  // quiet at night, busiest mid-afternoon UTC
  const daily = 0.6 + 0.4 * Math.sin((2 * Math.PI * (hourOfDay - 9)) / 24);
  const jitter = 0.75 + (hash(`${nodeId}|${metric}|${hourStartS}`) % 1000) / 2000;
  return Math.round(rate * daily * jitter);
}

/** One hour of an Instagram account metric, as the sandbox serves it (tests' oracle). */
export const instagramHour = (igAccountId: string, metric: string, hourStart: Date) =>
  hourlyValue(igAccountId, metric, INSTAGRAM_RATES[metric]!, hourStart.getTime() / 1000);

/** The sum over whole hours from `sinceS` up to `untilS` (both rounded down to the hour). */
export function windowTotal(
  nodeId: string,
  metric: string,
  rate: number,
  sinceS: number,
  untilS: number,
) {
  let total = 0;
  const from = Math.floor(sinceS / HOUR_S) * HOUR_S;
  for (let h = from; h + HOUR_S <= untilS; h += HOUR_S) {
    total += hourlyValue(nodeId, metric, rate, h);
  }
  return total;
}

interface Window {
  sinceS: number;
  untilS: number;
}

/** since/until as unix seconds or ISO dates; a day ending now when both are absent (§6). */
function windowOf(call: GraphCall): Window {
  const parse = (name: string) => {
    const raw = stringParam(call.params, name);
    if (raw === undefined) return undefined;
    const seconds = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw) / 1000;
    if (!Number.isFinite(seconds)) {
      throw graphErrors.invalidParameter(`Param ${name} must be a valid unix timestamp or date`);
    }
    return seconds;
  };
  const nowS = Math.floor(Date.now() / 1000);
  const untilS = parse("until") ?? nowS;
  const sinceS = parse("since") ?? untilS - DAY_S;
  if (sinceS >= untilS) throw graphErrors.invalidParameter("since must be before until");
  // Page insights: at most 90 days per query (§6 "Page insights limits")
  if (untilS - sinceS > 90 * DAY_S) {
    throw graphErrors.invalidParameter(
      "There cannot be more than 90 days (7776000 s) between since and until",
    );
  }
  return { sinceS, untilS };
}

function metricsOf(call: GraphCall): string[] {
  const raw = stringParam(call.params, "metric");
  if (!raw) throw graphErrors.invalidParameter("The parameter metric is required");
  return raw.split(",").map((m) => m.trim()).filter(Boolean);
}

const endTime = (seconds: number) =>
  new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "+0000");

/** The days from since to until: each `{value, end_time}` covers its part of that UTC day. */
function dailyValues(window: Window, valueOf: (fromS: number, toS: number) => number) {
  const values: { value: number; end_time: string }[] = [];
  for (let day = Math.floor(window.sinceS / DAY_S) * DAY_S; day < window.untilS; day += DAY_S) {
    const from = Math.max(day, window.sinceS);
    const to = Math.min(day + DAY_S, window.untilS);
    values.push({ value: valueOf(from, to), end_time: endTime(day + DAY_S) });
  }
  return values;
}

const title = (metric: string) =>
  metric.split("_").map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(" ");

/** GET /<IG_ID>/insights (§6 "Instagram account insights"). */
export function instagramInsights(state: SandboxState, call: GraphCall, account: InstagramAccount) {
  const metrics = metricsOf(call);
  const period = stringParam(call.params, "period");
  if (!period) throw graphErrors.invalidParameter("The parameter period is required");
  if (!["day", "week", "days_28", "lifetime"].includes(period)) {
    throw graphErrors.invalidParameter(
      "period must be one of the following values: day, week, days_28, month, lifetime",
    );
  }
  const metricType = stringParam(call.params, "metric_type") ?? "time_series";
  for (const [index, metric] of metrics.entries()) {
    if (INSTAGRAM_DEPRECATED.has(metric) || isUnavailable(state, account.igAccountId, metric)) {
      throw noLongerSupported(metric);
    }
    if (!(metric in INSTAGRAM_RATES)) {
      throw graphErrors.invalidParameter(
        `metric[${index}] must be one of the following values: ${
          Object.keys(INSTAGRAM_RATES).join(", ")
        }`,
      );
    }
  }
  if (metricType === "time_series") {
    const notSeries = metrics.filter((m) => !INSTAGRAM_TIME_SERIES.has(m));
    if (notSeries.length) {
      throw graphErrors.invalidParameter(
        `The following metrics (${
          notSeries.join(", ")
        }) should be specified with parameter metric_type=total_value`,
      );
    }
  }
  // follower_count and online_followers need 100 followers (§6 "Limitations"): an empty answer
  const shown = metrics.filter((m) => m !== "follower_count" || account.followersCount >= 100);
  const window = windowOf(call);
  const id = account.igAccountId;
  return {
    data: shown.map((metric) => {
      const total = (from: number, to: number) =>
        windowTotal(id, metric, INSTAGRAM_RATES[metric]!, from, to);
      const base = {
        name: metric,
        period,
        title: title(metric),
        description: `${title(metric)} of the account in the period`,
        id: `${id}/insights/${metric}/${period}`,
      };
      return metricType === "total_value"
        ? { ...base, total_value: { value: total(window.sinceS, window.untilS) } }
        : { ...base, values: dailyValues(window, total) };
    }),
    paging: pagingOf(call, window),
  };
}

/** GET /<PAGE_ID>/insights (§6 "Facebook Page insights"), always with daily values. */
export function pageInsights(state: SandboxState, call: GraphCall, page: FacebookPage) {
  const metrics = metricsOf(call);
  const period = stringParam(call.params, "period") ?? "day";
  for (const metric of metrics) {
    const known = metric in PAGE_RATES || PAGE_CUMULATIVE.has(metric);
    if (!known || PAGE_DEPRECATED.has(metric) || isUnavailable(state, page.id, metric)) {
      throw graphErrors.invalidParameter("The value must be a valid insights metric");
    }
  }
  const window = windowOf(call);
  return {
    data: metrics.map((metric) => ({
      name: metric,
      period,
      values: dailyValues(
        window,
        (from, to) =>
          PAGE_CUMULATIVE.has(metric)
            ? pageFollowers(page.id, to)
            : windowTotal(page.id, metric, PAGE_RATES[metric]!, from, to),
      ),
      title: title(metric),
      description: `${title(metric)} of the Page in the period`,
      id: `${page.id}/insights/${metric}/${period}`,
    })),
    paging: pagingOf(call, window),
  };
}

/** The Page's followers at `atS`: one more every few hours since 2026 began, never fewer. */
export function pageFollowers(pageId: string, atS: number) {
  const hours = Math.max(0, Math.floor((atS - 1_767_225_600) / HOUR_S));
  return 800 + (hash(pageId) % 200) + Math.floor(hours / 4);
}

/** Meta's answer for a metric it no longer serves (§6: v22 and later, e.g. `impressions`). */
export function noLongerSupported(metric: string) {
  return new GraphError(400, {
    message: `(#100) Starting from version 22 and above, the ${metric} metric is no longer ` +
      "supported for the queried user. Please refer to the documentation at " +
      "https://developers.facebook.com/docs/instagram-api/reference/ig-user/insights for a list " +
      "of supported metrics.",
    type: "OAuthException",
    code: 100,
  });
}

function pagingOf(call: GraphCall, window: Window) {
  const span = window.untilS - window.sinceS;
  const link = (since: number, until: number) => {
    const url = new URL(call.url);
    url.searchParams.set("since", String(since));
    url.searchParams.set("until", String(until));
    url.searchParams.delete("access_token");
    return url.toString();
  };
  return {
    previous: link(window.sinceS - span, window.sinceS),
    next: link(window.untilS, window.untilS + span),
  };
}
