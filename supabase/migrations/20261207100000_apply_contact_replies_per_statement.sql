-- A webhook batch stores its messages in one statement (issue 12), but two row triggers still ran
-- three or four statements per inbound message: reopening an archived conversation and releasing
-- or cancelling the conversation's scheduled messages. Together they were a seventh of the
-- insert's time, almost always finding nothing to do. Per statement they look once for all the
-- batch's conversations and act as the row triggers did, message by message in the order stored.
-- The AI lease trigger gets the WHEN clause its function tested, so the contact's messages no
-- longer call it.
-- Changes: private.reopen_archived_conversation() and private.apply_reply_to_scheduled_messages()
-- (row triggers messages_apply_reply_to_archived, messages_apply_reply_to_scheduled) →
-- private.apply_contact_replies() (statement trigger messages_apply_contact_replies); trigger
-- messages_take_ai_lease gains a WHEN clause.

/*
 * AFTER INSERT, per statement, for the contact's messages (inbound, not drafts), before the
 * conversations move (the trigger's name sorts before messages_apply_to_conversation's), so that
 * Realtime listeners get a reopened conversation's UPDATE before the message's INSERT:
 *
 * - An archived conversation comes back to the inbox when the contact writes after the archive
 *   (20261203110000_reopen_archived_conversations_when_the_contact_writes.sql); older messages
 *   stored late leave it archived.
 * - Story mentions aside, the conversation's scheduled messages created before the message and
 *   still pending are released ("send when they next write": due at the message's time, its 24 h
 *   window from then) or cancelled ("cancel if they reply first", while not yet handed to Meta)
 *   (20261202170500_apply_contact_replies_to_scheduled_messages.sql). The message that does it is
 *   the first stored in the statement that was sent after the schedule was created, as when each
 *   message's row trigger ran in turn.
 *
 * Security definer: inbound messages are written by the webhook, which is no member, and this
 * writes server-side columns.
 */
create function private.apply_contact_replies() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.conversations c set archived_at = null
  from (
    select r.conversation_id, max(r.sent_at) as last_inbound_at from new_rows r
    where r.direction = 'inbound' and r.status <> 'draft'
    group by r.conversation_id
  ) m
  where c.id = m.conversation_id and c.archived_at is not null
    and c.archived_at < m.last_inbound_at;

  -- locked in id order first, the order the processor locks a batch in: no deadlock between them
  perform 1 from public.scheduled_messages s
  where s.conversation_id in (
      select r.conversation_id from new_rows r
      where r.direction = 'inbound' and r.type <> 'story_mention' and r.status <> 'draft')
    and s.status = 'pending' and (s.wait_for_reply or s.cancel_if_reply)
  order by s.id for update;
  if not found then
    return null;
  end if;

  with replies as materialized (
    select r.conversation_id, r.sent_at, row_number() over () as ord from new_rows r
    where r.direction = 'inbound' and r.type <> 'story_mention' and r.status <> 'draft'
  ), first_reply as (
    select s.id, (
      select r.sent_at from replies r
      where r.conversation_id = s.conversation_id and r.sent_at >= s.created_at
      order by r.ord limit 1
    ) as sent_at
    from public.scheduled_messages s
    where s.conversation_id in (select r.conversation_id from replies r)
      and s.status = 'pending' and (s.wait_for_reply or s.cancel_if_reply)
  )
  update public.scheduled_messages s set
    scheduled_for = case when s.wait_for_reply then f.sent_at else s.scheduled_for end,
    released_at = case when s.wait_for_reply then now() else s.released_at end,
    window_expires_at = case when s.wait_for_reply then f.sent_at + interval '24 hours'
      else s.window_expires_at end,
    status = case when s.wait_for_reply then s.status else 'cancelled' end,
    last_error = case when s.wait_for_reply then s.last_error else 'The contact replied first' end,
    lease_until = case when s.wait_for_reply then s.lease_until end
  from first_reply f
  where s.id = f.id and f.sent_at is not null
    and ((s.wait_for_reply and s.scheduled_for is null)
      or (s.cancel_if_reply and s.sent_message_id is null));
  return null;
end
$$;
revoke execute on function private.apply_contact_replies() from public;

drop trigger messages_apply_reply_to_archived on public.messages;
drop trigger messages_apply_reply_to_scheduled on public.messages;
drop function private.reopen_archived_conversation();
drop function private.apply_reply_to_scheduled_messages();
create trigger messages_apply_contact_replies after insert on public.messages
  referencing new table as new_rows
  for each statement execute function private.apply_contact_replies();

drop trigger messages_take_ai_lease on public.messages;
create trigger messages_take_ai_lease after insert on public.messages
  for each row when (new.author_kind = 'user' and new.direction = 'outbound' and new.status <> 'draft')
  execute function private.take_ai_lease_on_reply();
