-- OAuth states: the server side of the signed, single-use `state` of a connect flow, bound to
-- the user and IMO that started it. Service role only.

create table public.oauth_states (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null references public.imos (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  platform public.channel_platform not null,
  auth_path public.channel_auth_path not null,
  redirect_to text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '10 minutes',
  consumed_at timestamptz
);
create index oauth_states_expires_at_idx on public.oauth_states (expires_at);
comment on table public.oauth_states is 'Single-use OAuth states (10 minutes); service role only.';

alter table public.oauth_states enable row level security;

revoke all on table public.oauth_states from anon, authenticated;
grant all on table public.oauth_states to service_role;
