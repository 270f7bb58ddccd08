-- When each inbound DM was answered, kept beside the messages so the command center (issue 15)
-- counts received and answered DMs and the median first-response time from one narrow row per DM
-- instead of re-reading a month of every thread with window functions (4.5 s at 1M messages).
--
-- A received DM is answered by the first reply of ours after it in its conversation (sent,
-- delivered or read; drafts, pending and failed ones are not replies). It opens a turn when the
-- conversation's message before it (replies as above, and the contact's messages) is not the
-- contact's; the first-response time is measured from a turn's first message. Only direct
-- conversations: Bluesky's public threads are not DMs.
--
-- Kept up to date lazily and exactly: every write to messages marks its conversation stale from
-- the earliest time it touched (one statement-level trigger per insert, update and delete, so a
-- webhook batch pays one small upsert per statement); refreshing a conversation recomputes only
-- from its last reply before that time, since nothing before that reply can change. The command
-- center refreshes the caller's IMO before it reads, and a cron job keeps the queue short.
-- Creates: dm_answers, private.dm_answers_stale, private.mark_dm_answers_stale(),
-- private.refresh_dm_answers_of(), public.refresh_dm_answers(), private.refresh_stale_dm_answers().

create table public.dm_answers (
  message_id uuid primary key,
  imo_id uuid not null references public.imos (id) on delete cascade,
  channel_account_id uuid not null,
  conversation_id uuid not null,
  sent_at timestamptz not null,
  -- the first reply of ours after it; null while unanswered
  answered_at timestamptz,
  opens_turn boolean not null,
  -- the turn's first-response time; null unless it opened a turn that has been answered
  first_response_seconds double precision generated always as (
    case when opens_turn then extract(epoch from answered_at - sent_at)::double precision end
  ) stored,
  foreign key (message_id, conversation_id) references public.messages (id, conversation_id)
    on delete cascade
);
-- the DMs of the quarter hour being counted (see dm_answer_counts)
create index dm_answers_imo_sent_at_idx on public.dm_answers (imo_id, sent_at)
  include (channel_account_id, answered_at, first_response_seconds);
-- the median first-response time walks the answered turns in order of their time
create index dm_answers_imo_first_response_idx on public.dm_answers (imo_id, first_response_seconds)
  include (sent_at) where first_response_seconds is not null;
create index dm_answers_account_first_response_idx
  on public.dm_answers (channel_account_id, first_response_seconds)
  include (sent_at, imo_id) where first_response_seconds is not null;
create index dm_answers_conversation_idx on public.dm_answers (conversation_id, sent_at);
comment on table public.dm_answers is
  'One row per inbound DM: when a reply of ours first followed it, and whether it opened the contact''s turn. Derived from messages; see public.refresh_dm_answers.';

alter table public.dm_answers enable row level security;
revoke all on table public.dm_answers from anon, authenticated;
grant select on table public.dm_answers to authenticated;
grant all on table public.dm_answers to service_role;

create policy "DM answers can be read by members of the IMO" on public.dm_answers
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));

create table private.dm_answers_stale (
  conversation_id uuid primary key,
  imo_id uuid not null,
  -- the earliest sent_at a write touched since the last refresh
  since timestamptz not null
);
create index dm_answers_stale_imo_idx on private.dm_answers_stale (imo_id);
comment on table private.dm_answers_stale is
  'Conversations whose dm_answers are behind their messages, and from when.';
alter table private.dm_answers_stale enable row level security;
revoke all on table private.dm_answers_stale from public, anon, authenticated;

/* private.mark_dm_answers_stale(): statement trigger on messages; `changed` / `previous` are its transition tables. */
create function private.mark_dm_answers_stale() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- in conversation order: two batches marking the same conversations lock them in one order
  if tg_op = 'INSERT' then
    insert into private.dm_answers_stale as s (conversation_id, imo_id, since)
    select conversation_id, imo_id, min(sent_at) from changed
    group by conversation_id, imo_id order by conversation_id
    on conflict (conversation_id) do update set since = least(s.since, excluded.since);
  elsif tg_op = 'DELETE' then
    insert into private.dm_answers_stale as s (conversation_id, imo_id, since)
    select conversation_id, imo_id, min(sent_at) from previous
    group by conversation_id, imo_id order by conversation_id
    on conflict (conversation_id) do update set since = least(s.since, excluded.since);
  else
    -- only what decides an answer: the time, and whether a reply of ours counts (its status)
    insert into private.dm_answers_stale as s (conversation_id, imo_id, since)
    select n.conversation_id, n.imo_id, min(least(n.sent_at, o.sent_at))
    from changed n join previous o on o.id = n.id
    where n.sent_at is distinct from o.sent_at or n.status is distinct from o.status
      or n.direction is distinct from o.direction
    group by n.conversation_id, n.imo_id order by n.conversation_id
    on conflict (conversation_id) do update set since = least(s.since, excluded.since);
  end if;
  return null;
end
$$;
revoke execute on function private.mark_dm_answers_stale() from public;

create trigger messages_mark_dm_answers_stale_on_insert after insert on public.messages
  referencing new table as changed
  for each statement execute function private.mark_dm_answers_stale();
create trigger messages_mark_dm_answers_stale_on_update after update on public.messages
  referencing old table as previous new table as changed
  for each statement execute function private.mark_dm_answers_stale();
create trigger messages_mark_dm_answers_stale_on_delete after delete on public.messages
  referencing old table as previous
  for each statement execute function private.mark_dm_answers_stale();

/*
 * private.refresh_dm_answers_of(conversations, sinces): recompute the conversations' dm_answers,
 * each from its last reply before its `since` (the rows before that reply cannot have changed).
 * Set-based, one statement per step for all of them: the statement triggers on dm_answers run
 * once per refresh, not once per conversation.
 */
create function private.refresh_dm_answers_of(conversations uuid[], sinces timestamptz[])
returns void language plpgsql security definer set search_path = '' as $$
declare
  -- the direct conversations among them, where each one's recomputed stretch begins (null: at
  -- its first message), and the direction of what came just before it (its first DM's turn)
  direct_ids uuid[];
  settled timestamptz[];
  before_direction public.message_direction[];
begin
  select coalesce(array_agg(s.id order by s.id), '{}'), array_agg(r.sent_at order by s.id),
    array_agg(p.direction order by s.id)
  into direct_ids, settled, before_direction
  from unnest(conversations, sinces) as s (id, since)
  join public.conversations c on c.id = s.id and c.kind = 'direct'
  left join lateral (
    select m.sent_at from public.messages m
    where m.conversation_id = s.id and m.direction = 'outbound'
      and m.status in ('sent', 'delivered', 'read') and m.sent_at < s.since
    order by m.sent_at desc limit 1
  ) r on true
  left join lateral (
    select m.direction from public.messages m
    where m.conversation_id = s.id and m.sent_at < r.sent_at
      and (m.direction = 'inbound' or m.status in ('sent', 'delivered', 'read'))
    order by m.sent_at desc, m.id desc limit 1
  ) p on true;

  -- a conversation gone or no longer direct keeps no answers
  delete from public.dm_answers a
  using unnest(conversations) as s (id)
  left join unnest(direct_ids, settled) as k (id, settled) on k.id = s.id
  -- coalesce, not `or`: a range of the index on (conversation, sent_at), not a filter after it
  where a.conversation_id = s.id and a.sent_at >= coalesce(k.settled, '-infinity');

  insert into public.dm_answers (message_id, imo_id, channel_account_id, conversation_id, sent_at,
    answered_at, opens_turn)
  select t.id, t.imo_id, t.channel_account_id, t.conversation_id, t.sent_at, t.answered_at,
    t.previous_direction is distinct from 'inbound'
  from (
    -- newest first: the frame "everything later" only grows, so the next reply is a running
    -- minimum (linear), not one aggregate per message (quadratic)
    select m.id, m.imo_id, m.channel_account_id, m.conversation_id, m.direction, m.sent_at,
      lead(m.direction, 1, k.before_direction) over w as previous_direction,
      min(m.sent_at) filter (where m.direction = 'outbound')
        over (w rows between unbounded preceding and 1 preceding) as answered_at
    from unnest(direct_ids, settled, before_direction) as k (id, settled, before_direction)
    join public.messages m on m.conversation_id = k.id
      and m.sent_at >= coalesce(k.settled, '-infinity')
      and (m.direction = 'inbound' or m.status in ('sent', 'delivered', 'read'))
    window w as (partition by m.conversation_id order by m.sent_at desc, m.id desc)
  ) t
  where t.direction = 'inbound';
end
$$;
revoke execute on function private.refresh_dm_answers_of(uuid[], timestamptz[]) from public;

/*
 * private.refresh_stale_dm_answers(batch, imo): the cron's pass over every IMO, at most `batch`
 * conversations (null: all), so a big backlog is worked off over several runs; with `imo`, only
 * that IMO's. Conversations another refresh is working on are skipped, never waited for: that
 * refresh commits them.
 */
create function private.refresh_stale_dm_answers(batch integer default 5000, imo uuid default null)
returns integer language plpgsql security definer set search_path = '' as $$
declare
  ids uuid[];
  sinces timestamptz[];
begin
  with claimed as (
    delete from private.dm_answers_stale s where s.conversation_id in (
      select q.conversation_id from private.dm_answers_stale q
      where imo is null or q.imo_id = imo
      order by q.conversation_id limit batch for update skip locked
    )
    returning s.conversation_id, s.since
  )
  select array_agg(c.conversation_id), array_agg(c.since) into ids, sinces from claimed c;
  if ids is null then
    return 0;
  end if;
  perform private.refresh_dm_answers_of(ids, sinces);
  return cardinality(ids);
end
$$;
revoke execute on function private.refresh_stale_dm_answers(integer, uuid) from public;

/*
 * public.refresh_dm_answers(imo): bring the IMO's dm_answers up to date before reading them, for a
 * member of the IMO (anyone else refreshes nothing).
 */
create function public.refresh_dm_answers(imo uuid) returns integer
language plpgsql security definer set search_path = '' as $$
begin
  if imo not in (select private.imos_for_current_user()) then
    return 0;
  end if;
  return private.refresh_stale_dm_answers(null, imo);
end
$$;
revoke execute on function public.refresh_dm_answers(uuid) from public, anon;
grant execute on function public.refresh_dm_answers(uuid) to authenticated, service_role;

-- the messages stored before this migration: every direct conversation from its beginning
insert into private.dm_answers_stale (conversation_id, imo_id, since)
select c.id, c.imo_id, '-infinity' from public.conversations c where c.kind = 'direct';
