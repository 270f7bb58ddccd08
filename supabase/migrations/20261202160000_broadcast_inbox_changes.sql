-- Realtime: every change to a conversation or a message is broadcast to its IMO's private topic
-- `imo:<imo_id>`, Supabase's "Broadcast from the database" (realtime.broadcast_changes). The event
-- is the operation (INSERT, UPDATE, DELETE); the payload is {id, schema, table, operation, record,
-- old_record}. Who may listen is the policy on realtime.messages (next migration). One topic per
-- IMO, not one per conversation: every member may read every conversation of the IMO, and each
-- message already moves its conversation, so a thread view filters the IMO's events by
-- conversation_id instead of joining (and authorising) a topic per open thread.

/*
 * security definer: realtime.send writes realtime.messages, which no member may insert into (a
 * member's own reply must still be broadcast); the owner (postgres) bypasses its RLS, as
 * Supabase's guide has it. search_path is empty: every name below is qualified.
 */
create function private.broadcast_inbox_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  imo uuid := case tg_op when 'DELETE' then old.imo_id else new.imo_id end;
begin
  perform realtime.broadcast_changes(
    'imo:' || imo::text, tg_op, tg_op, tg_table_name, tg_table_schema, new, old
  );
  return null;
end
$$;
revoke execute on function private.broadcast_inbox_change() from public;

create trigger conversations_broadcast_change
  after insert or update or delete on public.conversations
  for each row execute function private.broadcast_inbox_change();

create trigger messages_broadcast_change
  after insert or update or delete on public.messages
  for each row execute function private.broadcast_inbox_change();
