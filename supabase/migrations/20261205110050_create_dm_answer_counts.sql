-- DMs received and answered per channel account and quarter hour (by the DM's sent_at), kept from
-- dm_answers by a statement trigger, so the command center adds up at most 2,880 rows per account
-- for a month instead of counting every DM of it (190,000 at 1M messages). Quarter hours, because
-- every time zone's midnight falls on one. A refresh replaces a conversation's rows from its last
-- settled reply: the trigger takes away what was deleted and adds what was written.
-- Creates: dm_answer_counts, private.count_dm_answers().

create table public.dm_answer_counts (
  imo_id uuid not null references public.imos (id) on delete cascade,
  channel_account_id uuid not null,
  bucket_start timestamptz not null,
  received integer not null default 0,
  answered integer not null default 0,
  -- the turns among them that were answered: how many first-response times there are
  turns_answered integer not null default 0,
  primary key (imo_id, bucket_start, channel_account_id)
);
comment on table public.dm_answer_counts is
  'Inbound DMs per channel account and quarter hour of their sent_at: how many, and how many a reply of ours has followed.';

alter table public.dm_answer_counts enable row level security;
revoke all on table public.dm_answer_counts from anon, authenticated;
grant select on table public.dm_answer_counts to authenticated;
grant all on table public.dm_answer_counts to service_role;

create policy "DM answer counts can be read by members of the IMO" on public.dm_answer_counts
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));

/* private.count_dm_answers(): statement trigger on dm_answers (`written` / `removed`). */
create function private.count_dm_answers() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  changes jsonb;
begin
  -- each branch names only the transition table its trigger has
  if tg_op = 'INSERT' then
    select jsonb_agg(jsonb_build_object('imo_id', w.imo_id, 'account', w.channel_account_id,
      'sent_at', w.sent_at, 'answered', w.answered_at is not null,
      'turn', w.first_response_seconds is not null, 'sign', 1))
    into changes from written w;
  else
    select jsonb_agg(jsonb_build_object('imo_id', r.imo_id, 'account', r.channel_account_id,
      'sent_at', r.sent_at, 'answered', r.answered_at is not null,
      'turn', r.first_response_seconds is not null, 'sign', -1))
    into changes from removed r;
  end if;
  if changes is null then
    return null;
  end if;
  -- in key order: two refreshes counting into the same buckets lock them in one order
  insert into public.dm_answer_counts as c (imo_id, bucket_start, channel_account_id, received,
    answered, turns_answered)
  select x.imo_id, date_bin('15 minutes', x.sent_at, timestamptz '2000-01-01 00:00+00'),
    x.account, sum(x.sign), coalesce(sum(x.sign) filter (where x.answered), 0),
    coalesce(sum(x.sign) filter (where x.turn), 0)
  from jsonb_to_recordset(changes) as x (imo_id uuid, account uuid, sent_at timestamptz,
    answered boolean, turn boolean, sign integer)
  -- rows deleted with their IMO leave nothing to count into
  where exists (select 1 from public.imos i where i.id = x.imo_id)
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (imo_id, bucket_start, channel_account_id) do update set
    received = c.received + excluded.received, answered = c.answered + excluded.answered,
    turns_answered = c.turns_answered + excluded.turns_answered;
  return null;
end
$$;
revoke execute on function private.count_dm_answers() from public;

create trigger dm_answers_count_on_insert after insert on public.dm_answers
  referencing new table as written
  for each statement execute function private.count_dm_answers();
create trigger dm_answers_count_on_delete after delete on public.dm_answers
  referencing old table as removed
  for each statement execute function private.count_dm_answers();
