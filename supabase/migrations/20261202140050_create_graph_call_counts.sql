-- Usage: Graph calls per channel account and hour, counted by the governor (next migration) where
-- it grants them (private.take_graph_calls: sends, scheduled sends and conversation sync), so an
-- operator sees how close an account runs to Meta's limits. Members of the IMO may read theirs.
-- Changes: public.graph_call_counts.

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
