-- Insights (issue 15, seed 004): Facebook Page and Instagram account metrics in one time-bucketed
-- table, one row per channel account, period and window. `metrics` holds what Meta answered for
-- the window (day-to-date totals of its daily metrics and cumulative counts such as followers,
-- docs/meta-platform.md §6); `derived` holds what we computed from them: the window's own numbers
-- (the delta from the previous window, seed 004's "delta strategy") and rates. Written only by the
-- insights function (service role); members of the IMO read theirs.
-- channel_insights_syncs keeps, per account, when insights were last synced and what Meta no
-- longer served (a skipped metric is reported, not a failed sync).
-- Creates: channel_insights, channel_insights_syncs.

create table public.channel_insights (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null,
  channel_account_id uuid not null,
  platform public.channel_platform not null,
  period text not null check (period in ('hour', 'day')),
  window_start timestamptz not null,
  window_end timestamptz not null,
  metrics jsonb not null default '{}'::jsonb check (jsonb_typeof(metrics) = 'object'),
  derived jsonb not null default '{}'::jsonb check (jsonb_typeof(derived) = 'object'),
  -- when Meta's numbers for this window last changed what the row holds
  synced_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (window_end > window_start),
  foreign key (channel_account_id, imo_id) references public.channel_accounts (id, imo_id)
    on delete cascade,
  unique (channel_account_id, period, window_start)
);
create index channel_insights_imo_series_idx
  on public.channel_insights (imo_id, platform, period, window_start desc);
comment on table public.channel_insights is
  'Insights per channel account, period and window: Meta''s numbers (metrics) and the window''s own deltas and rates (derived).';

create trigger channel_insights_touch_updated_at before update on public.channel_insights
  for each row execute function private.touch_updated_at();

alter table public.channel_insights enable row level security;
revoke all on table public.channel_insights from anon, authenticated;
grant select on table public.channel_insights to authenticated;
grant all on table public.channel_insights to service_role;

create policy "Channel insights can be read by members of the IMO" on public.channel_insights
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));

create table public.channel_insights_syncs (
  channel_account_id uuid primary key,
  imo_id uuid not null,
  last_attempt_at timestamptz not null,
  -- the last run that stored a window (null until one has)
  last_synced_at timestamptz,
  last_window_start timestamptz,
  -- [{metric, reason}]: what Meta refused to serve in the last run, skipped
  skipped_metrics jsonb not null default '[]'::jsonb check (jsonb_typeof(skipped_metrics) = 'array'),
  last_error text,
  foreign key (channel_account_id, imo_id) references public.channel_accounts (id, imo_id)
    on delete cascade
);
create index channel_insights_syncs_imo_id_idx on public.channel_insights_syncs (imo_id);
comment on table public.channel_insights_syncs is
  'Per channel account: the last insights sync, the metrics it skipped and its error, if any.';

alter table public.channel_insights_syncs enable row level security;
revoke all on table public.channel_insights_syncs from anon, authenticated;
grant select on table public.channel_insights_syncs to authenticated;
grant all on table public.channel_insights_syncs to service_role;

create policy "Insights syncs can be read by members of the IMO" on public.channel_insights_syncs
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
