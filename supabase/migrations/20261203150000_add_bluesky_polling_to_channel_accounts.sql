-- Channel accounts: a Bluesky account is connected with an app password and talks to its own PDS
-- (bsky.social's or a self-hosted one); it is polled every minute instead of calling webhooks
-- (docs/bluesky.md §1, §3). Its session tokens go in access_token_encrypted like Meta's.
-- Adds: service_url and last_polled_at (members read them for the health view), and the two poll
-- cursors, which like the tokens carry no privilege for members.

alter table public.channel_accounts add column service_url text;
alter table public.channel_accounts add column last_polled_at timestamptz;
alter table public.channel_accounts add column notifications_cursor text;
alter table public.channel_accounts add column chat_cursor text;

comment on column public.channel_accounts.service_url is
  'The PDS an app_password account''s session talks to (from its DID document); null for Meta.';
comment on column public.channel_accounts.last_polled_at is
  'When bluesky-poll last read the account''s notifications and DMs without an error.';
comment on column public.channel_accounts.notifications_cursor is
  'indexedAt of the newest Bluesky notification stored; the next poll reads down to it.';
comment on column public.channel_accounts.chat_cursor is
  'The chat.bsky.convo.getLog cursor (a rev) after which DMs are still to be read.';

grant select (service_url, last_polled_at) on table public.channel_accounts to authenticated;

-- the poll takes connected Bluesky accounts, least recently polled first
create index channel_accounts_bluesky_poll_idx on public.channel_accounts (last_polled_at nulls first)
  where platform = 'bluesky' and status = 'connected';
