-- Webhook rejections: POSTs to a webhook that failed the signature check. Anyone can send one, so
-- what is kept is small and bounded: the size, a SHA-256 of the body, a few headers cut short,
-- the reason and the first 256 bytes, never the body. At most 10 rows a minute (webhook
-- function); past that the minute's last row only counts them (`unrecorded`), and a job deletes
-- rows after 7 days (20261202110200), so a flood leaves at most 100,800 small rows. Service role
-- only, like the ledger.

create table public.webhook_rejections (
  id bigint generated always as identity primary key,
  platform public.channel_platform not null,
  received_at timestamptz not null default now(),
  reason text not null check (octet_length(reason) <= 200),
  body_bytes integer not null check (body_bytes >= 0),
  body_sha256 text not null check (body_sha256 ~ '^[0-9a-f]{64}$'),
  body_prefix bytea not null check (length(body_prefix) <= 256),
  -- signature, content type and length, user agent, forwarding address; each value cut short
  headers jsonb not null default '{}'::jsonb check (octet_length(headers::text) <= 2048),
  -- rejections of the same minute after the rate limit was reached, counted here only
  unrecorded integer not null default 0 check (unrecorded >= 0)
);
create index webhook_rejections_received_at_idx on public.webhook_rejections (received_at);
comment on table public.webhook_rejections is
  'Bounded record of unsigned or wrongly signed webhook POSTs, rate-limited; service role only.';

alter table public.webhook_rejections enable row level security;

-- No policy for users: anyone's junk, for operators.
revoke all on table public.webhook_rejections from anon, authenticated;
grant all on table public.webhook_rejections to service_role;
