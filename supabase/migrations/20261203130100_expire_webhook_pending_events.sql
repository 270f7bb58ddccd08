-- Parked webhook events expire: one that waited 7 days for its message (Meta retries a delivery
-- for 36 hours at most, docs/meta-platform.md §3, and a conversation sync brings what webhooks
-- missed well within that) is no longer applied, and stays 30 more days for an operator to see
-- (README, "Events waiting for their message") before the daily job deletes it.
-- Changes: webhook_pending_events.expires_at and its index; cron job
-- webhook-pending-events-expiry.

alter table public.webhook_pending_events
  add column expires_at timestamptz not null default now() + interval '7 days';
comment on column public.webhook_pending_events.expires_at is
  'From then the event is no longer applied; the row is deleted 30 days later.';
create index webhook_pending_events_expires_at_idx on public.webhook_pending_events (expires_at);

select cron.schedule(
  'webhook-pending-events-expiry',
  '17 3 * * *',
  $$delete from public.webhook_pending_events where expires_at < now() - interval '30 days'$$
);
