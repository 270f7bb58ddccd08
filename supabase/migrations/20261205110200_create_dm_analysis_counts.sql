-- The AI's analyses of inbound DMs counted per IMO and quarter of an hour, for the command center's
-- orders and sentiment (issue 15): a month is at most 2,880 rows to add up instead of every
-- analysis (400 ms at 1M messages). Quarter hours, because every time zone's midnight falls on
-- one, so "today" in any zone is a whole number of buckets. Analyses of Bluesky's public threads
-- are not DMs and are not counted. Kept by a statement trigger on message_analyses (the AI writes
-- a batch at a time), adding what was written and taking away what was removed.
-- An analysis deleted with its conversation stays counted: the DM did arrive that day.
-- Creates: dm_analysis_counts, private.count_dm_analyses().

create table public.dm_analysis_counts (
  imo_id uuid not null references public.imos (id) on delete cascade,
  bucket_start timestamptz not null,
  analysed integer not null default 0,
  orders integer not null default 0,
  positive integer not null default 0,
  neutral integer not null default 0,
  negative integer not null default 0,
  sentiment_sum numeric not null default 0,
  primary key (imo_id, bucket_start)
);
comment on table public.dm_analysis_counts is
  'Analyses of inbound DMs per IMO and quarter hour (by the analysis''s created_at): how many, orders, positive (>= 0.25), neutral, negative (<= -0.25), and the sum of sentiments.';

alter table public.dm_analysis_counts enable row level security;
revoke all on table public.dm_analysis_counts from anon, authenticated;
grant select on table public.dm_analysis_counts to authenticated;
grant all on table public.dm_analysis_counts to service_role;

create policy "DM analysis counts can be read by members of the IMO" on public.dm_analysis_counts
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));

/* private.count_dm_analyses(): statement trigger on message_analyses (`added` / `removed`). */
create function private.count_dm_analyses() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  changes jsonb;
begin
  -- each branch names only the transition tables its trigger has
  if tg_op = 'INSERT' then
    select jsonb_agg(jsonb_build_object('imo_id', a.imo_id, 'created_at', a.created_at,
      'intent', a.intent, 'sentiment', a.sentiment, 'conversation_id', a.conversation_id,
      'sign', 1)) into changes from added a;
  elsif tg_op = 'DELETE' then
    select jsonb_agg(jsonb_build_object('imo_id', r.imo_id, 'created_at', r.created_at,
      'intent', r.intent, 'sentiment', r.sentiment, 'conversation_id', r.conversation_id,
      'sign', -1)) into changes from removed r;
  else
    -- most updates write the assistant's reply_outcome only: they count nothing
    select jsonb_agg(c.change) into changes
    from added a join removed r on r.message_id = a.message_id
    cross join lateral (values
      (jsonb_build_object('imo_id', a.imo_id, 'created_at', a.created_at, 'intent', a.intent,
        'sentiment', a.sentiment, 'conversation_id', a.conversation_id, 'sign', 1)),
      (jsonb_build_object('imo_id', r.imo_id, 'created_at', r.created_at, 'intent', r.intent,
        'sentiment', r.sentiment, 'conversation_id', r.conversation_id, 'sign', -1))
    ) c (change)
    where (a.imo_id, a.created_at, a.intent, a.sentiment, a.conversation_id)
      is distinct from (r.imo_id, r.created_at, r.intent, r.sentiment, r.conversation_id);
  end if;
  if changes is null then
    return null;
  end if;

  with rows as (
    select * from jsonb_to_recordset(changes) as x (imo_id uuid, created_at timestamptz,
      intent text, sentiment numeric, conversation_id uuid, sign integer)
  ),
  delta as (
    select r.imo_id,
      date_bin('15 minutes', r.created_at, timestamptz '2000-01-01 00:00+00') as bucket_start,
      sum(r.sign)::integer as analysed,
      coalesce(sum(r.sign) filter (where r.intent = 'order'), 0)::integer as orders,
      coalesce(sum(r.sign) filter (where r.sentiment >= 0.25), 0)::integer as positive,
      coalesce(sum(r.sign) filter (where r.sentiment > -0.25 and r.sentiment < 0.25), 0)::integer
        as neutral,
      coalesce(sum(r.sign) filter (where r.sentiment <= -0.25), 0)::integer as negative,
      sum(r.sign * r.sentiment) as sentiment_sum
    from rows r
    where exists (select 1 from public.conversations p
      where p.id = r.conversation_id and p.kind = 'direct')
    group by 1, 2
  )
  -- in key order: two batches counting into the same buckets lock them in one order
  insert into public.dm_analysis_counts as c (imo_id, bucket_start, analysed, orders, positive,
    neutral, negative, sentiment_sum)
  select d.imo_id, d.bucket_start, d.analysed, d.orders, d.positive, d.neutral, d.negative,
    d.sentiment_sum
  from delta d
  order by d.imo_id, d.bucket_start
  on conflict (imo_id, bucket_start) do update set
    analysed = c.analysed + excluded.analysed, orders = c.orders + excluded.orders,
    positive = c.positive + excluded.positive, neutral = c.neutral + excluded.neutral,
    negative = c.negative + excluded.negative,
    sentiment_sum = c.sentiment_sum + excluded.sentiment_sum;
  return null;
end
$$;
revoke execute on function private.count_dm_analyses() from public;

create trigger message_analyses_count_on_insert after insert on public.message_analyses
  referencing new table as added
  for each statement execute function private.count_dm_analyses();
create trigger message_analyses_count_on_update after update on public.message_analyses
  referencing old table as removed new table as added
  for each statement execute function private.count_dm_analyses();
create trigger message_analyses_count_on_delete after delete on public.message_analyses
  referencing old table as removed
  for each statement execute function private.count_dm_analyses();

-- the analyses written before this migration
insert into public.dm_analysis_counts (imo_id, bucket_start, analysed, orders, positive, neutral,
  negative, sentiment_sum)
select a.imo_id, date_bin('15 minutes', a.created_at, timestamptz '2000-01-01 00:00+00'),
  count(*), count(*) filter (where a.intent = 'order'),
  count(*) filter (where a.sentiment >= 0.25),
  count(*) filter (where a.sentiment > -0.25 and a.sentiment < 0.25),
  count(*) filter (where a.sentiment <= -0.25), sum(a.sentiment)
from public.message_analyses a
where not exists (select 1 from public.conversations p
  where p.id = a.conversation_id and p.kind = 'public')
group by 1, 2;
