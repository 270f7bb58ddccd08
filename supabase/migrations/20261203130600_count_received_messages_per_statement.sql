-- Usage counts a contact's messages once per statement instead of once per row: the webhook stores
-- a batch of deliveries with one insert, and one counter row per IMO and day took an upsert per
-- message, each a new version of the same row in the same transaction (the costliest trigger of
-- ingestion after the broadcasts, and the slower the larger the batch). The count is the same:
-- the inbound messages the statement stored, per IMO, once each (a redelivered mid is not stored).
-- Changes: private.count_received_message(), trigger messages_count_received.

create or replace function private.count_received_message() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- in IMO order: two statements counting for the same IMOs lock their rows in one order
  perform private.increment_usage(s.imo_id, 'messages_received', s.received)
  from (
    select imo_id, count(*) as received from stored
    where direction = 'inbound' group by imo_id order by imo_id
  ) s;
  return null;
end
$$;
revoke execute on function private.count_received_message() from public;

drop trigger messages_count_received on public.messages;
create trigger messages_count_received after insert on public.messages
  referencing new table as stored
  for each statement execute function private.count_received_message();
