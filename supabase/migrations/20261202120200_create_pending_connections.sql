-- Pending connections: what Meta's consent produced (the long-lived token, encrypted, and what
-- the code exchange said), parked by instagram-oauth-callback until the person who started the
-- connect confirms it from the same signed-in browser session (instagram-oauth-complete). Only
-- then are the role and plan checked again and the channel accounts written. Single use: the
-- first completion attempt takes the token out of the row, whoever makes it. Service role only.

create table public.pending_connections (
  id uuid primary key default gen_random_uuid(),
  oauth_state_id uuid not null unique references public.oauth_states (id) on delete cascade,
  imo_id uuid not null references public.imos (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid,
  auth_path public.channel_auth_path not null,
  -- AES-256-GCM ciphertext (as channel_accounts); null once a completion attempt took it
  access_token_encrypted text,
  token_key_id text,
  token_expires_at timestamptz,
  -- what the Instagram Login code exchange answered beside the token
  token_user_id text,
  scopes text[] not null default '{}',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '10 minutes',
  completed_at timestamptz
);
create index pending_connections_expires_at_idx on public.pending_connections (expires_at);
comment on table public.pending_connections is
  'Consent results waiting for the starting user''s confirmation (10 minutes); service role only.';

alter table public.pending_connections enable row level security;

revoke all on table public.pending_connections from anon, authenticated;
grant all on table public.pending_connections to service_role;
