-- Webhook event failures: an event of a delivery that could not be applied. Every event of a
-- delivery is applied in its own transaction, so one bad event never holds back the others; the
-- one that failed waits here, with the reason, for the every-minute drain to try it again with
-- backoff, or for an operator to replay it once its cause is fixed (README, "When a webhook event
-- fails"). Service role only, like the ledger it comes from.

create table public.webhook_event_failures (
  id bigint generated always as identity primary key,
  -- the delivery it came in; the event below is enough to replay it should the ledger row go
  webhook_event_id bigint references public.webhook_events (id) on delete set null,
  -- its position among the messaging events of the delivery, in the order Meta sent them
  event_index integer not null check (event_index >= 0),
  imo_id uuid not null,
  channel_account_id uuid not null,
  -- the event as Meta sent it
  event jsonb not null,
  -- why the last attempt failed
  error text not null,
  attempts integer not null default 1 check (attempts >= 1),
  first_failed_at timestamptz not null default now(),
  last_failed_at timestamptz not null default now(),
  -- when the drain tries again; null once the automatic attempts are spent (an operator sets it
  -- to replay)
  next_attempt_at timestamptz,
  -- set when an attempt stored it
  resolved_at timestamptz,
  unique (webhook_event_id, event_index),
  foreign key (channel_account_id, imo_id) references public.channel_accounts (id, imo_id) on delete cascade
);
create index webhook_event_failures_due_idx on public.webhook_event_failures (next_attempt_at)
  where resolved_at is null;
create index webhook_event_failures_channel_account_idx
  on public.webhook_event_failures (channel_account_id, imo_id);
comment on table public.webhook_event_failures is
  'Webhook events that failed to apply, with the reason, retried by the drain; service role only.';

alter table public.webhook_event_failures enable row level security;

-- No policy for users: raw payloads for operators, like the ledger.
revoke all on table public.webhook_event_failures from anon, authenticated;
grant all on table public.webhook_event_failures to service_role;
