import type { UsageResponse } from "../../../../shared/src/contracts/usage.ts";
import type { Tx } from "../db.ts";

/** usage_counters and graph_call_counts, inside `withUser`: members read their IMO's rows. */

/** Every day of the range, zeros included, so a chart has no gaps. */
export async function dailyMessages(tx: Tx, imoId: string, days: number) {
  return await tx<UsageResponse["daily"]>`
    select to_char(d, 'YYYY-MM-DD') as date,
      coalesce(sum(u.count) filter (where u.metric = 'messages_sent'), 0)::int as messages_sent,
      coalesce(sum(u.count) filter (where u.metric = 'messages_received'), 0)::int
        as messages_received
    from generate_series(
      (now() at time zone 'utc')::date - (${days}::int - 1), (now() at time zone 'utc')::date,
      interval '1 day') d
    left join public.usage_counters u
      on u.imo_id = ${imoId} and u.period_start = d::date
      and u.metric in ('messages_sent', 'messages_received')
    group by d order by d`;
}

export async function hourlyGraphCalls(tx: Tx, imoId: string, hours: number) {
  const rows = await tx<{ channel_account_id: string; hour_start: Date; calls: number }[]>`
    select channel_account_id, hour_start, calls from public.graph_call_counts
    where imo_id = ${imoId}
      and hour_start > date_trunc('hour', now(), 'UTC') - make_interval(hours => ${hours}::int)
    order by hour_start desc, channel_account_id`;
  return rows.map((row) => ({ ...row, hour_start: row.hour_start.toISOString() }));
}
