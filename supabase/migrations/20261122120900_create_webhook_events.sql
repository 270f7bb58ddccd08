-- Webhook events: the raw ledger. Every delivery is stored as received, before parsing, so that
-- a crash mid-way is finished from here and nothing Meta sent is ever lost.

create type public.webhook_event_status as enum (
  'received', 'processing', 'processed', 'failed', 'rejected', 'unknown_account'
);

create table public.webhook_events (
  id bigint generated always as identity primary key,
  platform public.channel_platform not null,
  received_at timestamptz not null default now(),
  -- the body exactly as received (the signature is over these bytes)
  raw_body text not null,
  headers jsonb not null default '{}'::jsonb,
  signature_valid boolean not null,
  object text,
  entry_ids text[] not null default '{}',
  channel_account_id uuid references public.channel_accounts (id) on delete set null,
  imo_id uuid references public.imos (id) on delete set null,
  status public.webhook_event_status not null default 'received',
  attempts integer not null default 0,
  processing_started_at timestamptz,
  processed_at timestamptz,
  last_error text
);
create index webhook_events_unfinished_idx on public.webhook_events (received_at)
  where status in ('received', 'processing', 'failed');
create index webhook_events_channel_account_idx on public.webhook_events (channel_account_id, received_at desc);
create index webhook_events_imo_id_idx on public.webhook_events (imo_id);
comment on table public.webhook_events is 'Raw webhook deliveries, stored before parsing; service role only.';

alter table public.webhook_events enable row level security;

-- No policy for users: raw deliveries may hold other tenants' data until routed.
revoke all on table public.webhook_events from anon, authenticated;
grant all on table public.webhook_events to service_role;
