-- Channel accounts: whether Meta lets this account's app reply with the HUMAN_AGENT tag, from 24 h
-- to 7 days after the contact's last message (docs/meta-platform.md §2 "HUMAN_AGENT (7 days)").
-- The Human Agent feature comes from Meta's App Review, not from a scope the consent dialog
-- returns, so nothing at connect time reveals it: the service role records it. Members read it (the
-- composer says whether a late reply is possible); the send path decides with it.
-- Changes: a column on channel_accounts and its select grant for authenticated.

alter table public.channel_accounts add column human_agent_permission boolean not null default false;
comment on column public.channel_accounts.human_agent_permission is
  'Meta granted the Human Agent feature for this account: people may reply with HUMAN_AGENT up to 7 days.';

grant select (human_agent_permission) on table public.channel_accounts to authenticated;
