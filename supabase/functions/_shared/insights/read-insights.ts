import {
  INSIGHT_KEYS,
  type InsightsQuery,
  type InsightsResponse,
} from "../../../../shared/src/contracts/insights.ts";
import type { Tx } from "../db.ts";
import { FOLLOWER_TOTALS } from "./metric-catalog.ts";

type Query = Required<Pick<InsightsQuery, "imo_id" | "platform">> & {
  period: "hour" | "day";
  hours?: number;
  days?: number;
  channel_account_id?: string;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The range a query asks for: the last N closed hours, or the last N UTC days (today included). */
export function insightsRange(query: Query, now: Date) {
  if (query.period === "hour") {
    const until = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
    const hours = query.hours ?? (query.days ? query.days * 24 : 24);
    return { since: new Date(until.getTime() - hours * HOUR_MS), until };
  }
  const until = new Date((Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS);
  const days = query.days ?? (query.hours ? Math.ceil(query.hours / 24) : 7);
  return { since: new Date(until.getTime() - days * DAY_MS), until };
}

/**
 * Seed 004's read: the platform's windows in the range, each key summed over the IMO's accounts
 * (or the one asked for); by day, the hours of each UTC day summed. Aggregates are the sums over
 * the whole range, the engagement rate over them and the followers now (the latest running totals).
 * Everything is computed in SQL, inside the caller's RLS.
 */
export async function readInsights(tx: Tx, query: Query, now: Date): Promise<InsightsResponse> {
  const { since, until } = insightsRange(query, now);
  const bucket = query.period === "hour"
    ? tx`i.window_start`
    : tx`date_trunc('day', i.window_start, 'UTC')`;
  const span = query.period === "hour" ? "1 hour" : "1 day";
  const rows = () =>
    tx`
    select ${bucket} as bucket, d.key, d.value::numeric as value
    from public.channel_insights i, jsonb_each_text(i.derived) d
    where i.imo_id = ${query.imo_id} and i.platform = ${query.platform} and i.period = 'hour'
      and i.window_start >= ${since} and i.window_start < ${until}
      and d.key = any(${INSIGHT_KEYS as unknown as string[]})
      ${
      query.channel_account_id ? tx`and i.channel_account_id = ${query.channel_account_id}` : tx``
    }`;
  const series = await tx<
    { window_start: Date; window_end: Date; metrics: Record<string, number | null> }[]
  >`
    select s.bucket as window_start, s.bucket + ${span}::interval as window_end,
      jsonb_object_agg(s.key, s.total) as metrics
    from (select r.bucket, r.key, sum(r.value)::float8 as total from (${rows()}) r group by 1, 2) s
    group by s.bucket order by s.bucket`;
  const [totals] = await tx<{ sums: Record<string, number | null> | null }[]>`
    select jsonb_object_agg('sum_' || s.key, s.total) as sums
    from (select r.key, sum(r.value)::float8 as total from (${rows()}) r group by r.key) s`;
  const [followers] = await tx<{ latest: number | null }[]>`
    select sum(l.total)::float8 as latest from (
      select distinct on (i.channel_account_id)
        coalesce((i.metrics ->> ${FOLLOWER_TOTALS[0]})::numeric,
          (i.metrics ->> ${FOLLOWER_TOTALS[1]})::numeric) as total
      from public.channel_insights i
      where i.imo_id = ${query.imo_id} and i.platform = ${query.platform} and i.period = 'hour'
        and i.window_start < ${until}
        ${
    query.channel_account_id ? tx`and i.channel_account_id = ${query.channel_account_id}` : tx``
  }
      order by i.channel_account_id, i.window_start desc
    ) l`;
  const aggregates: Record<string, number | null> = { ...(totals?.sums ?? {}) };
  const interactions = aggregates.sum_total_interactions ?? aggregates.sum_engagements;
  const reach = aggregates.sum_reach;
  aggregates.engagement_rate = interactions != null && reach
    ? Math.round((interactions / reach) * 10_000) / 10_000
    : null;
  aggregates.followers_latest = followers?.latest ?? null;
  return {
    platform: query.platform,
    period: query.period,
    since: since.toISOString(),
    until: until.toISOString(),
    series: series.map((point) => ({
      window_start: point.window_start.toISOString(),
      window_end: point.window_end.toISOString(),
      metrics: point.metrics,
    })),
    aggregates,
  };
}
