-- The command center's DM numbers come from dm_answer_counts and dm_answers, and its orders and
-- sentiment from dm_analysis_counts (the migrations before this one), with the definitions of
-- 20261204110200_create_command_center_functions.sql, except that a turn is now the contact's
-- turn in the whole conversation: a DM that follows the contact's own message from before the
-- 30 days does not open a turn at the edge of the range.
-- The month-wide index on messages those functions scanned is dropped: every message the webhook
-- stores no longer writes one more index entry for it.
-- Changes: public.command_center_dms(), public.command_center_analyses().
-- Drops: messages_imo_sent_at_idx.

drop index public.messages_imo_sent_at_idx;

/*
 * The counts: the whole quarter hours before `as_of` from dm_answer_counts, the quarter hour it
 * falls in from dm_answers. The medians: from the answered turns of the month (a partial index).
 */
create or replace function public.command_center_dms(imo uuid, tz text default 'UTC', as_of timestamptz default now())
returns table (
  channel_account_id uuid,
  received_today integer, received_7d integer, received_30d integer,
  answered_today integer, answered_7d integer, answered_30d integer,
  median_first_response_seconds_7d double precision,
  median_first_response_seconds_30d double precision
)
language sql stable security invoker set search_path = '' set work_mem = '16MB' as $$
  with b as materialized (
    select x.*, date_bin('15 minutes', as_of, timestamptz '2000-01-01 00:00+00') as current_bucket
    from public.command_center_bounds(tz, as_of) x
  ),
  buckets as (
    select c.channel_account_id, c.bucket_start as at, c.received, c.answered
    from public.dm_answer_counts c
    -- scalars (init plans), so the month is a range of the index, not a filter after it
    where c.imo_id = imo and c.bucket_start >= (select b.month from b)
      and c.bucket_start < (select b.current_bucket from b)
    union all
    select d.channel_account_id, (select b.current_bucket from b), count(*)::integer,
      (count(*) filter (where d.answered_at <= as_of))::integer
    from public.dm_answers d
    where d.imo_id = imo and d.sent_at >= (select greatest(b.current_bucket, b.month) from b)
      and d.sent_at <= as_of
    group by d.channel_account_id
  ),
  counts as (
    select k.channel_account_id,
      coalesce(sum(k.received) filter (where k.at >= b.today), 0)::integer as received_today,
      coalesce(sum(k.received) filter (where k.at >= b.week), 0)::integer as received_7d,
      coalesce(sum(k.received), 0)::integer as received_30d,
      coalesce(sum(k.answered) filter (where k.at >= b.today), 0)::integer as answered_today,
      coalesce(sum(k.answered) filter (where k.at >= b.week), 0)::integer as answered_7d,
      coalesce(sum(k.answered), 0)::integer as answered_30d,
      grouping(k.channel_account_id) = 1 as is_total
    from b left join buckets k on true
    group by grouping sets ((k.channel_account_id), ())
    -- an account with no DM in the month has no row of its own
    having grouping(k.channel_account_id) = 1 or sum(k.received) > 0
  ),
  medians as (
    select d.channel_account_id,
      percentile_cont(0.5) within group (order by extract(epoch from d.answered_at - d.sent_at))
        filter (where d.sent_at >= (select b.week from b)) as week,
      percentile_cont(0.5) within group (order by extract(epoch from d.answered_at - d.sent_at))
        as month,
      grouping(d.channel_account_id) = 1 as is_total
    from public.dm_answers d
    where d.imo_id = imo and d.opens_turn and d.answered_at is not null
      and d.sent_at >= (select b.month from b) and d.sent_at <= as_of and d.answered_at <= as_of
    group by grouping sets ((d.channel_account_id), ())
  )
  select c.channel_account_id, c.received_today, c.received_7d, c.received_30d,
    c.answered_today, c.answered_7d, c.answered_30d,
    m.week::double precision, m.month::double precision
  from counts c
  left join medians m on m.is_total = c.is_total
    and m.channel_account_id is not distinct from c.channel_account_id
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
