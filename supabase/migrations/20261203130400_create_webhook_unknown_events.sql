-- Webhook events of a kind DM Desk does not apply (neither a message, an edit, a reaction, a
-- read, a postback nor a referral): kept once each per account for an operator, and never the
-- cause of a contact or an empty conversation (README, "Events waiting for their message"). Service
-- role only, like the ledger they come from; deleted after 30 days by a daily job.
-- Creates: public.webhook_unknown_events; cron job webhook-unknown-events-retention.

create table public.webhook_unknown_events (
  id bigint generated always as identity primary key,
  imo_id uuid not null,
  channel_account_id uuid not null,
  -- the delivery it came in
  webhook_event_id bigint references public.webhook_events (id) on delete set null,
  -- the event's keys beside sender, recipient and timestamp, sorted: what kind it is
  kinds text[] not null,
  -- the event as Meta sent it
  event jsonb not null,
  -- a redelivery of the same event is not kept again
  event_digest text generated always as (md5(event::text)) stored,
  occurred_at timestamptz,
  received_at timestamptz not null default now(),
  unique (channel_account_id, event_digest),
  foreign key (channel_account_id, imo_id) references public.channel_accounts (id, imo_id) on delete cascade
);
create index webhook_unknown_events_imo_id_idx on public.webhook_unknown_events (imo_id);
create index webhook_unknown_events_webhook_event_id_idx on public.webhook_unknown_events (webhook_event_id);
create index webhook_unknown_events_received_at_idx on public.webhook_unknown_events (received_at);
comment on table public.webhook_unknown_events is
  'Webhook events of a kind not applied, once per account; service role only.';

alter table public.webhook_unknown_events enable row level security;

-- No policy for users: raw payloads for operators, like the ledger.
revoke all on table public.webhook_unknown_events from anon, authenticated;
grant all on table public.webhook_unknown_events to service_role;

select cron.schedule(
  'webhook-unknown-events-retention',
  '23 3 * * *',
  $$delete from public.webhook_unknown_events where received_at < now() - interval '30 days'$$
);
