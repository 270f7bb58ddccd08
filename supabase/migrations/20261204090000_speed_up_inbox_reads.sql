-- The inbox's reads at 1M messages (issue 9's benchmark, scripts/bench/inbox-api.ts).
-- Changes: private.imos_for_current_user() row estimate; index conversations_unread_by_account_idx.

-- Every member policy reads `imo_id in (select private.imos_for_current_user())`. Planned as 1,000
-- rows (a set-returning function's default), its hashed subplan was priced into every inner index
-- probe, so the planner hashed all of an IMO's contacts to join 50 of them to an inbox page
-- (6 ms at 10,000 contacts, growing with the IMO). A person is a member of one IMO, rarely more.
alter function private.imos_for_current_user() rows 1;

-- The sidebar's unread badges count the unread, unarchived conversations per channel account on
-- every inbox read. Covering and partial, they are read from the index alone: a few pages instead
-- of every page of a table that the messages trigger rewrites at each message.
create index conversations_unread_by_account_idx
  on public.conversations (imo_id, channel_account_id) include (unread_count)
  where unread_count > 0 and archived_at is null and last_message_at is not null;
