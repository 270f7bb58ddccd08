import type { MetricSpec } from "../../../../shared/src/rules/insights-deltas.ts";

/**
 * What each platform's hourly sync asks Meta for (docs/meta-platform.md §6). Instagram: the
 * account metrics Meta still serves with `metric_type=total_value` (`views` replaced `impressions`
 * in 2025) and the account's `followers_count` field. Facebook Page: the "views" metrics that
 * replaced page impressions on Nov 15 2025, and `page_follows`, which replaced `page_fans`.
 */
export const INSTAGRAM_METRICS: readonly MetricSpec[] = [
  { name: "reach", key: "reach", kind: "day_to_date" },
  { name: "views", key: "views", kind: "day_to_date" },
  { name: "accounts_engaged", key: "accounts_engaged", kind: "day_to_date" },
  { name: "total_interactions", key: "total_interactions", kind: "day_to_date" },
  { name: "profile_views", key: "profile_views", kind: "day_to_date" },
  { name: "followers_count", key: "followers", kind: "cumulative" },
];

export const PAGE_METRICS: readonly MetricSpec[] = [
  { name: "page_total_media_view_unique", key: "reach", kind: "day_to_date" },
  { name: "page_media_view", key: "views", kind: "day_to_date" },
  { name: "page_post_engagements", key: "engagements", kind: "day_to_date" },
  { name: "page_views_total", key: "profile_views", kind: "day_to_date" },
  { name: "page_follows", key: "followers", kind: "cumulative" },
];

/** The raw names of the running follower totals, for "followers now" in the read API. */
export const FOLLOWER_TOTALS = ["followers_count", "page_follows"] as const;
