-- The command center (issue 15, seed 000 "Visual Analytics"): what the desk did today and over 7
-- and 30 days, every number computed here over the caller's RLS (security invoker), so a member
-- of another IMO gets zeros and no rows. Days are calendar days in the caller's time zone `tz`
-- (IANA); "7 days" is today and the 6 days before, "30 days" today and the 29 before. `as_of` is
-- now unless a test fixes it.
--
-- DMs are messages of direct conversations (Bluesky's public threads are not DMs). A received DM
-- is answered when a reply of ours (sent, delivered or read; drafts, pending and failed do not
-- count) follows it in its conversation. The first-response time is measured from the first
-- message of each run of the contact's messages (a "turn") to our next reply; its median is over
-- the turns that began in the range and were answered.
-- Creates: messages_imo_sent_at_idx, message_analyses_imo_created_at_idx,
-- public.command_center_bounds(), public.command_center_dms(), public.command_center_leads(),
-- public.command_center_analyses(), public.command_center_categories().

-- Index-only scans for the 30 days of each IMO; public threads are few, so excluding them is a
-- probe of a small partial index rather than a join with every conversation.
create index messages_imo_sent_at_idx on public.messages (imo_id, sent_at)
  include (conversation_id, channel_account_id, direction, status, id);
create index message_analyses_imo_created_at_idx on public.message_analyses (imo_id, created_at)
  include (conversation_id, intent, sentiment);
create index conversations_public_idx on public.conversations (id) where kind = 'public';
create index conversations_imo_kind_category_idx
  on public.conversations (imo_id, kind, ai_category);

/*
 * public.command_center_bounds(tz, as_of): where today, the 7 days and the 30 days begin, as
 * midnights in the time zone (so a day with a clock change is still one calendar day).
 */
create function public.command_center_bounds(tz text, as_of timestamptz)
returns table (today timestamptz, week timestamptz, month timestamptz)
language sql stable security invoker set search_path = '' as $$
  select d.day at time zone tz, (d.day - interval '6 days') at time zone tz,
    (d.day - interval '29 days') at time zone tz
  from (select date_trunc('day', as_of at time zone tz) as day) d
$$;

/*
 * public.command_center_dms(imo, tz, as_of): one row per channel account with DMs received in the
 * last 30 days, and one row for all of them (channel_account_id null): received and answered
 * today / 7 / 30 days, and the median first-response time in seconds over 7 and 30 days.
 */
create function public.command_center_dms(imo uuid, tz text default 'UTC', as_of timestamptz default now())
returns table (
  channel_account_id uuid,
  received_today integer, received_7d integer, received_30d integer,
  answered_today integer, answered_7d integer, answered_30d integer,
  median_first_response_seconds_7d double precision,
  median_first_response_seconds_30d double precision
)
language sql stable security invoker set search_path = '' as $$
  with b as (select * from public.command_center_bounds(tz, as_of)),
  -- newest first in each conversation: the frame "everything later" then only grows, so the next
  -- reply is a running minimum (linear) rather than one aggregate per message (quadratic)
  thread as (
    select m.channel_account_id, m.direction, m.sent_at,
      lead(m.direction) over w as previous_direction,
      min(m.sent_at) filter (where m.direction = 'outbound')
        over (w rows between unbounded preceding and 1 preceding) as replied_at
    from b, public.messages m
    where m.imo_id = imo and m.sent_at >= b.month and m.sent_at <= as_of
      and (m.direction = 'inbound' or m.status in ('sent', 'delivered', 'read'))
      and not exists (select 1 from public.conversations p
        where p.id = m.conversation_id and p.kind = 'public')
    window w as (partition by m.conversation_id order by m.sent_at desc, m.id desc)
  ),
  received as (
    select t.channel_account_id, t.sent_at, t.replied_at is not null as answered,
      case when t.previous_direction is distinct from 'inbound'
        then extract(epoch from t.replied_at - t.sent_at)::double precision end as first_response
    from thread t where t.direction = 'inbound'
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

/* public.command_center_leads(imo, tz, as_of): recruiting leads that came from DMs, by range. */
create function public.command_center_leads(imo uuid, tz text default 'UTC', as_of timestamptz default now())
returns table (created_today integer, created_7d integer, created_30d integer)
language sql stable security invoker set search_path = '' as $$
  with b as (select * from public.command_center_bounds(tz, as_of))
  select (count(*) filter (where l.created_at >= b.today))::integer,
    (count(*) filter (where l.created_at >= b.week))::integer,
    count(l.id)::integer
  from b
  left join public.recruiting_leads l on l.imo_id = imo
    and l.created_at >= b.month and l.created_at <= as_of
    -- a lookup of each lead's conversation by its index, not a hash of every conversation
    and (l.lead_source = 'instagram_dm'
      or (select true from public.conversations c where c.recruiting_lead_id = l.id limit 1))
  group by b.today
$$;

/*
 * public.command_center_analyses(imo, tz, as_of): from the AI's analyses of inbound DMs, the
 * orders (intent 'order') by range and the sentiment over 7 and 30 days: average and how many
 * were positive (≥ 0.25), neutral or negative (≤ -0.25).
 */
create function public.command_center_analyses(imo uuid, tz text default 'UTC', as_of timestamptz default now())
returns table (
  orders_today integer, orders_7d integer, orders_30d integer,
  analysed_7d integer, positive_7d integer, neutral_7d integer, negative_7d integer,
  average_sentiment_7d double precision,
  analysed_30d integer, positive_30d integer, neutral_30d integer, negative_30d integer,
  average_sentiment_30d double precision
)
language sql stable security invoker set search_path = '' as $$
  with b as (select * from public.command_center_bounds(tz, as_of)),
  a as (
    select x.created_at, x.intent, x.sentiment::double precision as sentiment
    from b, public.message_analyses x
    where x.imo_id = imo and x.created_at >= b.month and x.created_at <= as_of
      and not exists (select 1 from public.conversations p
        where p.id = x.conversation_id and p.kind = 'public')
  )
  select (count(*) filter (where a.intent = 'order' and a.created_at >= b.today))::integer,
    (count(*) filter (where a.intent = 'order' and a.created_at >= b.week))::integer,
    (count(*) filter (where a.intent = 'order'))::integer,
    (count(*) filter (where a.created_at >= b.week))::integer,
    (count(*) filter (where a.created_at >= b.week and a.sentiment >= 0.25))::integer,
    (count(*) filter (where a.created_at >= b.week and a.sentiment > -0.25 and a.sentiment < 0.25))::integer,
    (count(*) filter (where a.created_at >= b.week and a.sentiment <= -0.25))::integer,
    avg(a.sentiment) filter (where a.created_at >= b.week),
    count(a.created_at)::integer,
    (count(*) filter (where a.sentiment >= 0.25))::integer,
    (count(*) filter (where a.sentiment > -0.25 and a.sentiment < 0.25))::integer,
    (count(*) filter (where a.sentiment <= -0.25))::integer,
    avg(a.sentiment)
  from b left join a on true
  group by b.today
$$;

/* public.command_center_categories(imo): direct conversations by the AI's category ('unanalysed': none yet). */
create function public.command_center_categories(imo uuid)
returns table (category text, conversations integer)
language sql stable security invoker set search_path = '' as $$
  select coalesce(c.ai_category, 'unanalysed'), count(*)::integer
  from public.conversations c
  where c.imo_id = imo and c.kind = 'direct'
  group by 1 order by 2 desc, 1
$$;

revoke execute on function public.command_center_bounds(text, timestamptz),
  public.command_center_dms(uuid, text, timestamptz),
  public.command_center_leads(uuid, text, timestamptz),
  public.command_center_analyses(uuid, text, timestamptz),
  public.command_center_categories(uuid) from public, anon;
grant execute on function public.command_center_bounds(text, timestamptz),
  public.command_center_dms(uuid, text, timestamptz),
  public.command_center_leads(uuid, text, timestamptz),
  public.command_center_analyses(uuid, text, timestamptz),
  public.command_center_categories(uuid) to authenticated, service_role;
