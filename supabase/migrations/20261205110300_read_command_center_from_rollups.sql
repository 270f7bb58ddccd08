-- The command center's DM numbers come from dm_answers and its orders and sentiment from
-- dm_analysis_counts (the two migrations before this one), with the definitions of
-- 20261204110200_create_command_center_functions.sql, except that a turn is now the contact's
-- turn in the whole conversation: a DM that follows the contact's own message from before the
-- 30 days does not open a turn at the edge of the range.
-- The month-wide index on messages those functions scanned is dropped: every message the webhook
-- stores no longer writes one more index entry for it.
-- Changes: public.command_center_dms(), public.command_center_analyses().
-- Drops: messages_imo_sent_at_idx.

drop index public.messages_imo_sent_at_idx;

create or replace function public.command_center_dms(imo uuid, tz text default 'UTC', as_of timestamptz default now())
returns table (
  channel_account_id uuid,
  received_today integer, received_7d integer, received_30d integer,
  answered_today integer, answered_7d integer, answered_30d integer,
  median_first_response_seconds_7d double precision,
  median_first_response_seconds_30d double precision
)
language sql stable security invoker set search_path = '' as $$
  with b as materialized (select * from public.command_center_bounds(tz, as_of)),
  received as (
    select d.channel_account_id, d.sent_at, d.answered_at <= as_of as answered,
      case when d.opens_turn and d.answered_at <= as_of
        then extract(epoch from d.answered_at - d.sent_at)::double precision end as first_response
    from public.dm_answers d
    -- a scalar (an init plan), so the month is a range of the index, not a filter after it
    where d.imo_id = imo and d.sent_at >= (select b.month from b) and d.sent_at <= as_of
  )
  select r.channel_account_id,
    (count(*) filter (where r.sent_at >= b.today))::integer,
    (count(*) filter (where r.sent_at >= b.week))::integer,
    count(r.sent_at)::integer,
    (count(*) filter (where r.answered and r.sent_at >= b.today))::integer,
    (count(*) filter (where r.answered and r.sent_at >= b.week))::integer,
    (count(*) filter (where r.answered))::integer,
    percentile_cont(0.5) within group (order by r.first_response)
      filter (where r.sent_at >= b.week),
    percentile_cont(0.5) within group (order by r.first_response)
  from b, received r
  group by grouping sets ((r.channel_account_id), ())
$$;

/*
 * The whole quarter hours up to `as_of` from dm_analysis_counts; the quarter hour `as_of` falls
 * in (only ever partly past) from the analyses themselves.
 */
create or replace function public.command_center_analyses(imo uuid, tz text default 'UTC', as_of timestamptz default now())
returns table (
  orders_today integer, orders_7d integer, orders_30d integer,
  analysed_7d integer, positive_7d integer, neutral_7d integer, negative_7d integer,
  average_sentiment_7d double precision,
  analysed_30d integer, positive_30d integer, neutral_30d integer, negative_30d integer,
  average_sentiment_30d double precision
)
language sql stable security invoker set search_path = '' as $$
  with b as materialized (
    select x.*, date_bin('15 minutes', as_of, timestamptz '2000-01-01 00:00+00') as current_bucket
    from public.command_center_bounds(tz, as_of) x
  ),
  buckets as (
    select c.bucket_start as at, c.analysed, c.orders, c.positive, c.neutral, c.negative,
      c.sentiment_sum
    from public.dm_analysis_counts c
    where c.imo_id = imo and c.bucket_start >= (select b.month from b)
      and c.bucket_start < (select b.current_bucket from b)
    union all
    select b.current_bucket, count(*)::integer,
      (count(*) filter (where x.intent = 'order'))::integer,
      (count(*) filter (where x.sentiment >= 0.25))::integer,
      (count(*) filter (where x.sentiment > -0.25 and x.sentiment < 0.25))::integer,
      (count(*) filter (where x.sentiment <= -0.25))::integer,
      coalesce(sum(x.sentiment), 0)
    from b join public.message_analyses x on x.imo_id = imo
      and x.created_at >= (select greatest(b.current_bucket, b.month) from b)
      and x.created_at <= as_of
      and exists (select 1 from public.conversations p
        where p.id = x.conversation_id and p.kind = 'direct')
    group by b.current_bucket
  )
  select coalesce(sum(k.orders) filter (where k.at >= b.today), 0)::integer,
    coalesce(sum(k.orders) filter (where k.at >= b.week), 0)::integer,
    coalesce(sum(k.orders), 0)::integer,
    coalesce(sum(k.analysed) filter (where k.at >= b.week), 0)::integer,
    coalesce(sum(k.positive) filter (where k.at >= b.week), 0)::integer,
    coalesce(sum(k.neutral) filter (where k.at >= b.week), 0)::integer,
    coalesce(sum(k.negative) filter (where k.at >= b.week), 0)::integer,
    (sum(k.sentiment_sum) filter (where k.at >= b.week)
      / nullif(sum(k.analysed) filter (where k.at >= b.week), 0))::double precision,
    coalesce(sum(k.analysed), 0)::integer,
    coalesce(sum(k.positive), 0)::integer,
    coalesce(sum(k.neutral), 0)::integer,
    coalesce(sum(k.negative), 0)::integer,
    (sum(k.sentiment_sum) / nullif(sum(k.analysed), 0))::double precision
  from b left join buckets k on true
  group by b.today, b.week
$$;
