-- Channel accounts: a connected Instagram professional account, Facebook Page or (later) Bluesky
-- account, in one table (seed 002's instagram_integrations and seed 004's social_media_accounts).
-- The encrypted token columns carry no column privilege for `authenticated`: no user query can
-- read them, whatever the policies say.

create type public.channel_platform as enum ('instagram', 'facebook', 'bluesky');
create type public.channel_auth_path as enum ('instagram_login', 'facebook_login', 'app_password');
create type public.channel_status as enum ('connected', 'disconnected', 'expired', 'error');

create table public.channel_accounts (
  id uuid primary key default gen_random_uuid(),
  imo_id uuid not null references public.imos (id) on delete cascade,
  connected_by uuid references auth.users (id) on delete set null,
  platform public.channel_platform not null,
  auth_path public.channel_auth_path not null,
  -- the id the platform addresses this account by (IG professional account id, Page id, DID)
  external_account_id text not null,
  -- every other id Meta hands out for the same account: token user id, /me id, webhook entry.id,
  -- app-scoped user id; webhooks are routed by any of them
  external_ids text[] not null default '{}',
  facebook_page_id text,
  linked_account_id uuid references public.channel_accounts (id) on delete set null,
  username text,
  display_name text,
  profile_picture_url text,
  -- AES-256-GCM ciphertext with its key id; never selectable by users
  access_token_encrypted text,
  token_key_id text,
  token_expires_at timestamptz,
  token_issued_at timestamptz,
  token_refreshed_at timestamptz,
  scopes text[] not null default '{}',
  status public.channel_status not null default 'connected',
  status_reason text,
  last_webhook_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  connected_at timestamptz not null default now(),
  disconnected_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (platform, external_account_id)
);
create index channel_accounts_imo_id_idx on public.channel_accounts (imo_id);
create index channel_accounts_external_ids_idx on public.channel_accounts using gin (external_ids);
create index channel_accounts_token_expiry_idx on public.channel_accounts (token_expires_at)
  where status = 'connected';
comment on table public.channel_accounts is
  'Connected Instagram / Facebook Page / Bluesky accounts; tokens encrypted and hidden from users.';
comment on column public.channel_accounts.access_token_encrypted is
  'AES-256-GCM ciphertext (key id inside and in token_key_id). No privilege for authenticated.';

create trigger channel_accounts_touch_updated_at before update on public.channel_accounts
  for each row execute function private.touch_updated_at();

alter table public.channel_accounts enable row level security;

revoke all on table public.channel_accounts from anon, authenticated;
grant select (
  id, imo_id, connected_by, platform, auth_path, external_account_id, external_ids,
  facebook_page_id, linked_account_id, username, display_name, profile_picture_url,
  token_expires_at, token_issued_at, token_refreshed_at, scopes, status, status_reason,
  last_webhook_at, last_error, last_error_at, connected_at, disconnected_at, created_at, updated_at
) on table public.channel_accounts to authenticated;
grant all on table public.channel_accounts to service_role;

-- Connecting, refreshing and disconnecting go through functions (service role), which hold the
-- tokens; members only read.
create policy "Channel accounts can be read by members of the IMO" on public.channel_accounts
  for select to authenticated using (imo_id in (select private.imos_for_current_user()));
