-- The command center's DM numbers come from dm_answer_counts and dm_answers, and its orders and
-- sentiment from dm_analysis_counts (the migrations before this one), with the definitions of
-- 20261204110200_create_command_center_functions.sql, except that a turn is now the contact's
-- turn in the whole conversation: a DM that follows the contact's own message from before the
-- 30 days does not open a turn at the edge of the range.
-- The month-wide index on messages those functions scanned is dropped: every message the webhook
-- stores no longer writes one more index entry for it.
-- Creates: private.median_first_response().
-- Changes: public.command_center_dms(), public.command_center_analyses().
-- Drops: messages_imo_sent_at_idx.

drop index public.messages_imo_sent_at_idx;

/*
 * private.median_first_response(imo, account, since, until, turns): the median of the
 * first-response times of the `turns` answered turns that began in [since, until], for one
 * channel account or (account null) the whole IMO: a walk of the index in order of the time,
 * stopping in the middle, instead of sorting them all.
 */
create function private.median_first_response(imo uuid, account uuid, since timestamptz,
  until timestamptz, turns integer)
returns double precision
-- a cached generic plan knows neither the limit nor the offset, and sorts the whole range instead
-- of walking to its middle (three times slower on the benchmark's month)
language plpgsql stable security invoker set search_path = ''
set plan_cache_mode = force_custom_plan as $$
declare
  middle double precision[];
begin
  if coalesce(turns, 0) <= 0 then
    return null;
  end if;
  -- two statements, so each is planned on its own index
  if account is null then
    select array_agg(x.seconds order by x.seconds) into middle from (
      select d.first_response_seconds as seconds from public.dm_answers d
      where d.imo_id = imo and d.first_response_seconds is not null
        and d.sent_at >= since and d.sent_at <= until
      order by d.first_response_seconds offset (turns - 1) / 2 limit 2 - turns % 2
    ) x;
  else
    select array_agg(x.seconds order by x.seconds) into middle from (
      select d.first_response_seconds as seconds from public.dm_answers d
      where d.channel_account_id = account and d.imo_id = imo
        and d.first_response_seconds is not null and d.sent_at >= since and d.sent_at <= until
      order by d.first_response_seconds offset (turns - 1) / 2 limit 2 - turns % 2
    ) x;
  end if;
  return (middle[1] + coalesce(middle[2], middle[1])) / 2;
end
$$;
revoke execute on function private.median_first_response(uuid, uuid, timestamptz, timestamptz, integer)
  from public;
grant execute on function private.median_first_response(uuid, uuid, timestamptz, timestamptz, integer)
  to authenticated, service_role;

/*
 * The counts: the whole quarter hours before `as_of` from dm_answer_counts, the quarter hour it
 * falls in from dm_answers. A DM counts as answered when a reply followed it by the time the
 * function runs.
 */
create or replace function public.command_center_dms(imo uuid, tz text default 'UTC', as_of timestamptz default now())
returns table (
  channel_account_id uuid,
  received_today integer, received_7d integer, received_30d integer,
  answered_today integer, answered_7d integer, answered_30d integer,
  median_first_response_seconds_7d double precision,
  median_first_response_seconds_30d double precision
)
language sql stable security invoker set search_path = '' as $$
  with b as materialized (
    select x.*, date_bin('15 minutes', as_of, timestamptz '2000-01-01 00:00+00') as current_bucket
    from public.command_center_bounds(tz, as_of) x
  ),
  buckets as (
    select c.channel_account_id, c.bucket_start as at, c.received, c.answered, c.turns_answered
    from public.dm_answer_counts c
    -- scalars (init plans), so the month is a range of the index, not a filter after it
    where c.imo_id = imo and c.bucket_start >= (select b.month from b)
      and c.bucket_start < (select b.current_bucket from b)
    union all
    select d.channel_account_id, (select b.current_bucket from b), count(*)::integer,
      (count(*) filter (where d.answered_at is not null))::integer,
      (count(*) filter (where d.first_response_seconds is not null))::integer
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
      (sum(k.turns_answered) filter (where k.at >= b.week))::integer as turns_7d,
      sum(k.turns_answered)::integer as turns_30d,
      b.week, b.month
    from b left join buckets k on true
    group by grouping sets ((k.channel_account_id, b.week, b.month), (b.week, b.month))
    -- an account with no DM in the month has no row of its own
    having grouping(k.channel_account_id) = 1 or sum(k.received) > 0
  ),
  per_account as (
    select c.*,
      private.median_first_response(imo, c.channel_account_id, c.week, as_of, c.turns_7d) as m7,
      private.median_first_response(imo, c.channel_account_id, c.month, as_of, c.turns_30d) as m30
    from counts c where c.channel_account_id is not null
  )
  select a.channel_account_id, a.received_today, a.received_7d, a.received_30d,
    a.answered_today, a.answered_7d, a.answered_30d, a.m7, a.m30
  from per_account a
  union all
  -- an account that holds every answered turn of the range has the IMO's median already (the
  -- usual IMO, one Instagram account): the same turns, so the same number, without a second walk
  select t.channel_account_id, t.received_today, t.received_7d, t.received_30d,
    t.answered_today, t.answered_7d, t.answered_30d,
    coalesce((select a.m7 from per_account a where a.turns_7d = t.turns_7d limit 1),
      private.median_first_response(imo, null, t.week, as_of, t.turns_7d)),
    coalesce((select a.m30 from per_account a where a.turns_30d = t.turns_30d limit 1),
      private.median_first_response(imo, null, t.month, as_of, t.turns_30d))
  from counts t where t.channel_account_id is null
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
      -- a lookup per analysis of the quarter hour, not a scan of every conversation to join
      and (select p.kind from public.conversations p where p.id = x.conversation_id) = 'direct'
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
