-- Events that arrived before the message they refer to (a reaction or a read of a mid we do not
-- have yet: Meta does not guarantee order). Kept here and applied when the message arrives.
-- Service role only, like the ledger they come from.

create table public.webhook_pending_events (
  id bigint generated always as identity primary key,
  imo_id uuid not null,
  channel_account_id uuid not null,
  external_message_id text not null,
  kind text not null check (kind in ('reaction', 'read')),
  event jsonb not null,
  webhook_event_id bigint references public.webhook_events (id) on delete set null,
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  foreign key (channel_account_id, imo_id) references public.channel_accounts (id, imo_id) on delete cascade
);
create index webhook_pending_events_message_idx
  on public.webhook_pending_events (channel_account_id, external_message_id);
comment on table public.webhook_pending_events is
  'Reactions and reads waiting for their message; service role only.';

alter table public.webhook_pending_events enable row level security;

revoke all on table public.webhook_pending_events from anon, authenticated;
grant all on table public.webhook_pending_events to service_role;

-- The ledger is the safety net: whatever a crash left unprocessed is finished every minute.
select cron.schedule(
  'instagram-process-webhooks',
  '* * * * *',
  $$
  select net.http_post(
    url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url')
      || '/functions/v1/instagram-process-webhooks',
    headers := jsonb_build_object(
      'Content-Type', 'application/json',
      'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')
    ),
    body := '{}'::jsonb
  ) as request_id;
  $$
);
