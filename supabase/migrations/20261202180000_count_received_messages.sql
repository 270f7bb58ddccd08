-- Usage: every message a contact sends is counted once per IMO and day (usage_counters,
-- messages_received), when it is stored; deduplication by mid means a redelivered webhook is not
-- counted twice. Sent messages are counted by the send path once Meta accepts them.
-- Changes: private.count_received_message(), trigger messages_count_received.

create function private.count_received_message() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.increment_usage(new.imo_id, 'messages_received');
  return null;
end
$$;
revoke execute on function private.count_received_message() from public;

create trigger messages_count_received after insert on public.messages
  for each row when (new.direction = 'inbound')
  execute function private.count_received_message();
