-- The Graph call governor: per channel account and kind of call, at most Meta's documented calls
-- per second (docs/meta-platform.md §2 "Rate limits"). It lives in Postgres so that every caller
-- shares one count: the send function in any worker, scheduled sends and conversation sync from
-- pg_cron alike. A caller over the limit learns how long to wait instead of reaching Meta and being
-- answered 613. Infrastructure only, so in the private schema: no user reads or writes it.
-- What it grants is counted per account and hour in public.graph_call_counts (usage).
-- Changes: private.graph_call_limits, private.graph_call_windows, private.take_graph_calls(),
-- private.take_graph_call().

create table private.graph_call_limits (
  call_kind text primary key,
  calls_per_second integer not null check (calls_per_second > 0)
);
comment on table private.graph_call_limits is
  'Meta''s calls per second per Instagram account, by kind of call (docs/meta-platform.md §2).';
-- §2: the Send API takes 100 calls/s for text, links, reactions and stickers (the Messenger page's
-- 300 is not planned for) and 10 calls/s for audio and video; the Conversations API 2 calls/s.
insert into private.graph_call_limits (call_kind, calls_per_second) values
  ('send_text', 100), ('send_audio_video', 10), ('conversations', 2);

create table private.graph_call_windows (
  channel_account_id uuid not null references public.channel_accounts (id) on delete cascade,
  call_kind text not null references private.graph_call_limits (call_kind),
  -- when the calls granted in the last second were granted, oldest first
  recent timestamptz[] not null default '{}',
  primary key (channel_account_id, call_kind)
);
comment on table private.graph_call_windows is
  'The Graph calls each channel account made in the last second, by kind; see private.take_graph_call.';

alter table private.graph_call_limits enable row level security;
alter table private.graph_call_windows enable row level security;
revoke all on table private.graph_call_limits, private.graph_call_windows from public, anon, authenticated;
grant select on table private.graph_call_limits to service_role;
grant select, insert, update, delete on table private.graph_call_windows to service_role;

/*
 * The sliding second: exactly one second, so no second ever holds more than the limit, even across
 * the boundary where a fixed window or a token bucket would allow twice as many. The row lock
 * serialises callers of one account; the clock is read after it, so the times stay ordered. A cron
 * sending a batch asks once for as many slots as it has messages (one round trip and one lock of
 * the account's row per batch); every other caller asks for one.
 *
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

/*
 * private.take_graph_call(account, kind): asks for one call. Returns 0 when the call may go now (it
 * is counted), otherwise the milliseconds until a slot frees (nothing is counted).
 */
create function private.take_graph_call(account uuid, kind text) returns integer
language sql security definer set search_path = '' as $$
  select case when g.granted = 1 then 0 else g.wait_ms end
  from private.take_graph_calls(account, kind, 1) g
$$;
revoke execute on function private.take_graph_call(uuid, text) from public;
grant execute on function private.take_graph_call(uuid, text) to service_role;
