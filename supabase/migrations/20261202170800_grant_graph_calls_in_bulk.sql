-- The rate governor grants several calls in one request: a cron sending a batch asks once for as
-- many slots as it has messages instead of once per message (one round trip and one lock of the
-- account's row per batch). The same sliding second and the same count as
-- private.take_graph_call, which every other caller keeps using. What it grants is counted per
-- account and hour in public.graph_call_counts (usage).
-- Creates: private.take_graph_calls(); private.take_graph_call() now calls it.

/*
 * private.take_graph_calls(account, kind, wanted): grants up to `wanted` calls of `kind` on the
 * account now (all counted at this instant) and returns how many (`granted`); when that is fewer
 * than wanted, `wait_ms` is the milliseconds until the next slot frees, otherwise 0.
 */
create function private.take_graph_calls(account uuid, kind text, wanted integer)
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
revoke execute on function private.take_graph_calls(uuid, text, integer) from public;
grant execute on function private.take_graph_calls(uuid, text, integer) to service_role;

-- one implementation of the sliding second: the single call is a bulk call of one
create or replace function private.take_graph_call(account uuid, kind text) returns integer
language sql security definer set search_path = '' as $$
  select case when g.granted = 1 then 0 else g.wait_ms end
  from private.take_graph_calls(account, kind, 1) g
$$;
