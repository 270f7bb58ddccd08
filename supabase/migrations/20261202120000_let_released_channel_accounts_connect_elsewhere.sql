-- Channel accounts: one Instagram account or Page is held by at most one IMO at a time, and a
-- disconnect releases it. Until now (platform, external_account_id) was unique over all rows,
-- so the first IMO's row kept the account even after its disconnect and no other IMO could ever
-- connect it. Now each IMO that connects an account has its own row, to which its contacts,
-- conversations and messages belong (they never move to another IMO), and only one row per
-- account may be in any state but `disconnected`.
-- Affects: public.channel_accounts (constraints only; no data changes).

alter table public.channel_accounts
  drop constraint channel_accounts_platform_external_account_id_key;

-- an IMO reconnecting an account it held before gets its old row (and history) back
alter table public.channel_accounts
  add constraint channel_accounts_imo_id_platform_external_account_id_key
  unique (imo_id, platform, external_account_id);

create unique index channel_accounts_held_once_idx on public.channel_accounts
  (platform, external_account_id) where status <> 'disconnected';
comment on index public.channel_accounts_held_once_idx is
  'An account is held (connected, expired or failing) by one IMO at a time; a disconnect releases it.';
