import { z } from "zod";
import { idSchema, timestampSchema } from "../schemas/common.ts";
import { accountHealthSchema } from "./connected-accounts.ts";

/** The window's own numbers a series shows (derived deltas, docs/meta-platform.md §6). */
export const INSIGHT_KEYS = [
  "reach",
  "views",
  "accounts_engaged",
  "total_interactions",
  "engagements",
  "profile_views",
  "followers",
] as const;
export type InsightKey = (typeof INSIGHT_KEYS)[number];

export const insightsPlatformSchema = z.enum(["instagram", "facebook"]);
export const insightsPeriodSchema = z.enum(["hour", "day"]);

/** GET insights: seed 004's read contract (platform, period, hours or days). */
export const insightsQuerySchema = z.object({
  imo_id: idSchema,
  platform: insightsPlatformSchema,
  period: insightsPeriodSchema.default("hour"),
  /** the last N hours (period hour: default 24) */
  hours: z.coerce.number().int().min(1).max(720).optional(),
  /** the last N days (period day: default 7) */
  days: z.coerce.number().int().min(1).max(90).optional(),
  channel_account_id: idSchema.optional(),
});
export type InsightsQuery = z.input<typeof insightsQuerySchema>;

const metricValues = z.record(z.string(), z.number().nullable());

export const insightsResponseSchema = z.object({
  platform: insightsPlatformSchema,
  period: insightsPeriodSchema,
  since: timestampSchema,
  until: timestampSchema,
  /** one point per window (all of the platform's accounts summed), oldest first */
  series: z.array(z.object({
    window_start: timestampSchema,
    window_end: timestampSchema,
    metrics: metricValues,
  })),
  /** `sum_<key>` over the series; `followers_latest`: followers now; `engagement_rate` */
  aggregates: metricValues,
});
export type InsightsResponse = z.infer<typeof insightsResponseSchema>;

/** POST insights/sync: a member syncs their IMO's accounts (or one) now. */
export const insightsSyncBodySchema = z.object({
  imo_id: idSchema,
  channel_account_id: idSchema.optional(),
});
export type InsightsSyncBody = z.input<typeof insightsSyncBodySchema>;

/** The scheduler's body: the hour before `at` (now by default), for every connected account. */
export const insightsCronBodySchema = z.object({
  at: timestampSchema.optional(),
  channel_account_id: idSchema.optional(),
}).default({});

export const skippedMetricSchema = z.object({ metric: z.string(), reason: z.string() });

export const insightsSyncResultSchema = z.object({
  window: z.object({
    period: z.literal("hour"),
    window_start: timestampSchema,
    window_end: timestampSchema,
  }),
  accounts: z.array(z.object({
    channel_account_id: idSchema,
    platform: insightsPlatformSchema,
    /** stored: a new window; updated: Meta's numbers changed; unchanged: the same as stored */
    outcome: z.enum(["stored", "updated", "unchanged", "failed"]),
    skipped: z.array(skippedMetricSchema),
    error: z.string().nullable(),
  })),
});
export type InsightsSyncResult = z.infer<typeof insightsSyncResultSchema>;

export const insightsSyncsQuerySchema = z.object({ imo_id: idSchema });
export const insightsSyncsResponseSchema = z.object({
  syncs: z.array(z.object({
    channel_account_id: idSchema,
    last_attempt_at: timestampSchema,
    last_synced_at: timestampSchema.nullable(),
    last_window_start: timestampSchema.nullable(),
    skipped_metrics: z.array(skippedMetricSchema),
    last_error: z.string().nullable(),
  })),
});
export type InsightsSyncsResponse = z.infer<typeof insightsSyncsResponseSchema>;

/** An IANA time zone the browser and Postgres both know ("Europe/Madrid"). */
export const timeZoneSchema = z.string().min(1).max(64).refine((zone) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "not a time zone");

export const commandCenterQuerySchema = z.object({
  imo_id: idSchema,
  tz: timeZoneSchema.default("UTC"),
});

const count = z.number().int().nonnegative();

const dmStatsSchema = z.object({
  received_today: count,
  received_7d: count,
  received_30d: count,
  answered_today: count,
  answered_7d: count,
  answered_30d: count,
  median_first_response_seconds_7d: z.number().nullable(),
  median_first_response_seconds_30d: z.number().nullable(),
});

export const commandCenterResponseSchema = z.object({
  tz: z.string(),
  as_of: timestampSchema,
  dms: z.object({
    total: dmStatsSchema,
    channels: z.array(dmStatsSchema.extend({
      channel_account_id: idSchema,
      platform: z.string(),
      username: z.string().nullable(),
    })),
  }),
  leads: z.object({ created_today: count, created_7d: count, created_30d: count }),
  orders: z.object({ orders_today: count, orders_7d: count, orders_30d: count }),
  sentiment: z.object({
    analysed_7d: count,
    positive_7d: count,
    neutral_7d: count,
    negative_7d: count,
    average_sentiment_7d: z.number().nullable(),
    analysed_30d: count,
    positive_30d: count,
    neutral_30d: count,
    negative_30d: count,
    average_sentiment_30d: z.number().nullable(),
  }),
  categories: z.array(z.object({ category: z.string(), conversations: z.number().int() })),
});
export type CommandCenterResponse = z.infer<typeof commandCenterResponseSchema>;

export const connectionHealthQuerySchema = z.object({ imo_id: idSchema });

/** What the console offers for a problem; the SPA maps each to a button or a link. */
export const healthActionSchema = z.enum([
  "reconnect",
  "refresh_token",
  "resubscribe_webhooks",
  "sync_insights",
  "wait",
  "check_meta",
]);
export type HealthAction = z.infer<typeof healthActionSchema>;

export const healthProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  action: healthActionSchema,
  action_label: z.string(),
});
export type HealthProblem = z.infer<typeof healthProblemSchema>;

export const connectionHealthResponseSchema = z.object({
  accounts: z.array(z.object({
    channel_account_id: idSchema,
    platform: z.string(),
    username: z.string().nullable(),
    display_name: z.string().nullable(),
    health: accountHealthSchema,
    /** insights scopes the account lacks (docs/meta-platform.md §6) */
    missing_insights_scopes: z.array(z.string()),
    /** Meta's answer for the webhook subscription: the fields, or null when it could not be asked */
    webhook_subscription: z.object({
      state: z.enum(["subscribed", "partial", "not_subscribed", "unknown", "not_applicable"]),
      fields: z.array(z.string()),
      missing_fields: z.array(z.string()),
      detail: z.string().nullable(),
    }),
    /** calls left in the governor's current window, per kind of Graph call */
    rate_headroom: z.array(z.object({
      kind: z.string(),
      limit: z.number().int(),
      window_ms: z.number().int(),
      used: z.number().int(),
      remaining: z.number().int(),
    })),
    calls_last_hour: z.number().int(),
    /** null until Publishing records its posts (issue 15, publishing) */
    last_published_at: timestampSchema.nullable(),
    insights: z.object({
      last_synced_at: timestampSchema.nullable(),
      last_attempt_at: timestampSchema.nullable(),
      skipped_metrics: z.array(skippedMetricSchema),
      last_error: z.string().nullable(),
    }),
    problems: z.array(healthProblemSchema),
  })),
});
export type ConnectionHealthResponse = z.infer<typeof connectionHealthResponseSchema>;
