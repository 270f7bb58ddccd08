-- The Graph call governor learns limits over windows longer than a second: Meta allows 750
-- private replies per hour per Instagram account for posts and reels (docs/meta-platform.md §2
-- "Rate limits", §9 "Private Replies"). Each kind of call now has its window; every existing kind
-- keeps its one second, and take_graph_calls counts over the kind's window instead of a fixed
-- second. Everything else about it (the row lock, the ordered times, the usage counts) is as before.
-- Changes: private.graph_call_limits.window_ms (and 'private_reply' at 750 per hour),
-- private.take_graph_calls().

alter table private.graph_call_limits
  add column window_ms integer not null default 1000 check (window_ms between 1000 and 86400000);
comment on column private.graph_call_limits.calls_per_second is
  'Calls allowed in one window of window_ms (a second for every kind but private_reply).';
insert into private.graph_call_limits (call_kind, calls_per_second, window_ms)
  values ('private_reply', 750, 3600000);

/*
 * private.take_graph_calls(account, kind, wanted): grants up to `wanted` calls of `kind` on the
 * account now, at most the kind's limit within any window of its length (sliding, so no window
 * ever holds more), and returns how many (`granted`); when fewer than wanted, `wait_ms` is the
 * milliseconds until the next slot frees, otherwise 0.
 */
create or replace function private.take_graph_calls(account uuid, kind text, wanted integer)
returns table (granted integer, wait_ms integer)
language plpgsql security definer set search_path = '' as $$
declare
  per_window integer;
  span interval;
  calls timestamptz[];
  at timestamptz;
begin
  if wanted is null or wanted < 1 then
    raise exception 'wanted must be at least 1, not %', wanted using errcode = '22023';
  end if;
  select l.calls_per_second, l.window_ms * interval '1 millisecond' into per_window, span
    from private.graph_call_limits l where l.call_kind = kind;
  if per_window is null then
    raise exception 'unknown Graph call kind %', kind using errcode = '22023';
  end if;
  insert into private.graph_call_windows (channel_account_id, call_kind) values (account, kind)
    on conflict do nothing;
  select w.recent into calls from private.graph_call_windows w
    where w.channel_account_id = account and w.call_kind = kind for update;
  at := clock_timestamp();
  calls := array(select c from unnest(calls) c where c > at - span order by c);
  granted := least(wanted, greatest(per_window - cardinality(calls), 0));
  calls := calls || array_fill(at, array[granted]);
  update private.graph_call_windows w set recent = calls
    where w.channel_account_id = account and w.call_kind = kind;
  wait_ms := case when granted < wanted
    then greatest(1, ceil(extract(epoch from
      calls[cardinality(calls) - per_window + 1] + span - at) * 1000))::integer
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
