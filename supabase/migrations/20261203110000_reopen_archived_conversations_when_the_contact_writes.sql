-- An archived conversation comes back to the inbox when the contact writes again: archiving says
-- "nothing more to do here", and a new message from them is something to do. Our own replies, and
-- older messages stored late (a delayed delivery, the conversation sync), leave it archived.
-- Changes: private.reopen_archived_conversation(), trigger messages_apply_reply_to_archived.

/*
 * private.reopen_archived_conversation(): AFTER INSERT of an inbound message dated after the
 * archive. The trigger's name sorts before messages_apply_to_conversation's and
 * messages_broadcast_change's, so Realtime listeners get the conversation's UPDATEs before the
 * message's INSERT, as for any other message. Security definer: inbound messages are written by
 * the webhook, which is no member.
 */
create function private.reopen_archived_conversation() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.conversations c set archived_at = null
  where c.id = new.conversation_id and c.archived_at is not null and c.archived_at < new.sent_at;
  return new;
end
$$;
revoke execute on function private.reopen_archived_conversation() from public;

create trigger messages_apply_reply_to_archived after insert on public.messages
  for each row when (new.direction = 'inbound' and new.status <> 'draft')
  execute function private.reopen_archived_conversation();
