-- Usage: Graph calls per channel account and hour, counted where every governed call is granted
-- (private.take_graph_calls: sends, scheduled sends and conversation sync), so an operator sees
-- how close an account runs to Meta's limits. Members of the IMO may read their accounts' counts.
-- Changes: public.graph_call_counts, private.take_graph_calls() (and so take_graph_call) counts
-- what it grants.

create table public.graph_call_counts (
  imo_id uuid not null references public.imos (id) on delete cascade,
  channel_account_id uuid not null references public.channel_accounts (id) on delete cascade,
  hour_start timestamptz not null,
  calls integer not null default 0 check (calls >= 0),
  primary key (channel_account_id, hour_start)
);
create index graph_call_counts_imo_id_hour_idx on public.graph_call_counts (imo_id, hour_start desc);
comment on table public.graph_call_counts is
  'Graph calls the governor granted, per channel account and hour (UTC).';

alter table public.graph_call_counts enable row level security;
revoke all on table public.graph_call_counts from anon, authenticated;
grant select on table public.graph_call_counts to authenticated;
grant all on table public.graph_call_counts to service_role;

create policy "Graph call counts can be read by members of the IMO" on public.graph_call_counts
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));

-- the same function as 20261202170800, plus the count of what it grants
create or replace function private.take_graph_calls(account uuid, kind text, wanted integer)
returns table (granted integer, wait_ms integer)
language plpgsql security definer set search_path = '' as $$
declare
  per_second integer;
  calls timestamptz[];
  at timestamptz;
begin
  if wanted is null or wanted < 1 then
    raise exception 'wanted must be at least 1, not %', wanted using errcode = '22023';
  end if;
  select l.calls_per_second into per_second from private.graph_call_limits l where l.call_kind = kind;
  if per_second is null then
    raise exception 'unknown Graph call kind %', kind using errcode = '22023';
  end if;
  insert into private.graph_call_windows (channel_account_id, call_kind) values (account, kind)
    on conflict do nothing;
  select w.recent into calls from private.graph_call_windows w
    where w.channel_account_id = account and w.call_kind = kind for update;
  at := clock_timestamp();
  calls := array(select c from unnest(calls) c where c > at - interval '1 second' order by c);
  granted := least(wanted, greatest(per_second - cardinality(calls), 0));
  calls := calls || array_fill(at, array[granted]);
  update private.graph_call_windows w set recent = calls
    where w.channel_account_id = account and w.call_kind = kind;
  wait_ms := case when granted < wanted
    then greatest(1, ceil(extract(epoch from
      calls[cardinality(calls) - per_second + 1] + interval '1 second' - at) * 1000))::integer
    else 0 end;
  if granted > 0 then
    insert into public.graph_call_counts as g (imo_id, channel_account_id, hour_start, calls)
      select a.imo_id, a.id, date_trunc('hour', at, 'UTC'), granted
      from public.channel_accounts a where a.id = account
    on conflict (channel_account_id, hour_start) do update set calls = g.calls + excluded.calls;
  end if;
  return next;
end
$$;
