-- A conversation's row is rewritten with every batch of new messages, and none of those updates
-- can be HOT (the inbox indexes hold last_message_at): each one adds an entry to every index of
-- the table, and then the walsender decodes each of them (issue 12). Most conversations have no
-- assignee and no recruiting lead, yet both indexes held an entry for each of them. A ledger row
-- is stored before anyone knows its account, then updated with it: its IMO and account indexes
-- took a NULL entry at the insert and another at the update. Indexed only where there is a value,
-- each batch writes fewer index entries; `assigned_to = $1`, `recruiting_lead_id = $1`,
-- `imo_id = $1` and `channel_account_id = $1` imply the predicates, so the same lookups (a
-- member's own conversations, the foreign keys' cascades, an account's deliveries) use them.
-- The unassigned filter reads the inbox index, where most rows qualify.
-- Changes: indexes conversations_assigned_to_idx, conversations_recruiting_lead_id_idx,
-- webhook_events_imo_id_idx, webhook_events_channel_account_idx.

drop index public.conversations_assigned_to_idx;
create index conversations_assigned_to_idx on public.conversations (assigned_to, last_message_at desc)
  where assigned_to is not null;

drop index public.conversations_recruiting_lead_id_idx;
create index conversations_recruiting_lead_id_idx on public.conversations (recruiting_lead_id)
  where recruiting_lead_id is not null;

drop index public.webhook_events_imo_id_idx;
create index webhook_events_imo_id_idx on public.webhook_events (imo_id)
  where imo_id is not null;

drop index public.webhook_events_channel_account_idx;
create index webhook_events_channel_account_idx
  on public.webhook_events (channel_account_id, received_at desc)
  where channel_account_id is not null;
