-- When the contact writes, in the same transaction as their message: the conversation's messages
-- waiting for it ("send when they next write") become due at once, and the ones marked "cancel if
-- they reply first" are cancelled. A story mention is not the contact writing to us, so it does
-- neither. The webhook then sends the released ones in the same pass (_shared/automation/); the
-- every-minute processor catches any it could not.
-- Changes: private.apply_reply_to_scheduled_messages(), trigger messages_apply_reply_to_scheduled.

/*
 * private.apply_reply_to_scheduled_messages(): AFTER INSERT of an inbound message. Only rows
 * scheduled before the message (a late delivery of an older message neither releases nor
 * cancels) and not yet handed to Meta (sent_message_id is null; the processor locks the row while
 * it decides). Security definer: inbound messages are written by the webhook, and this writes the
 * schedule's server-side columns.
 */
create function private.apply_reply_to_scheduled_messages() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- locked in id order first, the order the processor locks a batch in: no deadlock between them
  perform 1 from public.scheduled_messages s
  where s.conversation_id = new.conversation_id and s.status = 'pending'
    and (s.wait_for_reply or s.cancel_if_reply)
  order by s.id for update;
  update public.scheduled_messages s set
    scheduled_for = new.sent_at, released_at = now(),
    window_expires_at = new.sent_at + interval '24 hours'
  where s.conversation_id = new.conversation_id and s.status = 'pending' and s.wait_for_reply
    and s.scheduled_for is null and s.created_at <= new.sent_at;
  update public.scheduled_messages s set
    status = 'cancelled', last_error = 'The contact replied first', lease_until = null
  where s.conversation_id = new.conversation_id and s.status = 'pending' and s.cancel_if_reply
    and s.sent_message_id is null and s.created_at <= new.sent_at;
  return new;
end
$$;
revoke execute on function private.apply_reply_to_scheduled_messages() from public;

create trigger messages_apply_reply_to_scheduled after insert on public.messages
  for each row
  when (new.direction = 'inbound' and new.type <> 'story_mention' and new.status <> 'draft')
  execute function private.apply_reply_to_scheduled_messages();
