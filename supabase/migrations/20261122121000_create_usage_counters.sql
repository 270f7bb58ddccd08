-- Usage counters: per IMO, metric and day (messages sent, received, AI drafts...), for plan limits
-- and the billing page.

create table public.usage_counters (
  imo_id uuid not null references public.imos (id) on delete cascade,
  metric text not null check (metric ~ '^[a-z_]+$'),
  period_start date not null,
  count bigint not null default 0 check (count >= 0),
  updated_at timestamptz not null default now(),
  primary key (imo_id, metric, period_start)
);
comment on table public.usage_counters is 'Daily usage per IMO and metric; written by functions only.';

create trigger usage_counters_touch_updated_at before update on public.usage_counters
  for each row execute function private.touch_updated_at();

/* private.increment_usage(imo, metric, by): adds to today's counter (UTC), creating it. */
create function private.increment_usage(imo uuid, metric text, by bigint default 1) returns bigint
language sql security definer set search_path = '' as $$
  insert into public.usage_counters as u (imo_id, metric, period_start, count)
  values (imo, metric, (now() at time zone 'utc')::date, by)
  on conflict (imo_id, metric, period_start)
  do update set count = u.count + excluded.count, updated_at = now()
  returning count
$$;
revoke execute on function private.increment_usage(uuid, text, bigint) from public;
grant execute on function private.increment_usage(uuid, text, bigint) to service_role;

alter table public.usage_counters enable row level security;

revoke all on table public.usage_counters from anon, authenticated;
grant select on table public.usage_counters to authenticated;
grant all on table public.usage_counters to service_role;

create policy "Usage can be read by members of the IMO" on public.usage_counters
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
