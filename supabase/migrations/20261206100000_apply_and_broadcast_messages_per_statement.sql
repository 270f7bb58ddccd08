-- Storing a webhook batch inserts its messages in one statement (issue 12). Per row, each message
-- updated its conversation in a statement of its own and broadcast itself and its conversation
-- through realtime.broadcast_changes; together they were most of the Postgres time of an event.
-- Per statement, the conversations move once each for all their new messages, and the changes are
-- broadcast with realtime.send, row by row as before, with the same payload and events.
-- Changes: private.apply_message_to_conversation() → private.apply_messages_to_conversations()
-- (trigger messages_apply_to_conversation); private.broadcast_inbox_changes() (the messages and
-- conversations triggers *_broadcast_insert, *_broadcast_update, *_broadcast_delete, replacing
-- *_broadcast_change; posts and comments keep the row trigger private.broadcast_inbox_change()).
--
-- Order, as before: the row triggers that reopen an archived conversation or settle scheduled
-- messages run first; then, statement triggers firing in name order, the conversations move (and
-- their UPDATEs are broadcast) before the messages' INSERTs are, so a listener still sees a
-- conversation's UPDATE before the message that moved it.

/*
 * AFTER INSERT, per statement: each conversation of the new messages (drafts aside) moves as it
 * did message by message. Its last message is its newest one (the later stored among equals), only
 * when no newer one is there already, so late deliveries do not rewind the list; the unread count
 * grows by the messages from the contact (saturating at 2^31 - 1); inbound messages push the last
 * inbound time, the 24 h reply window and the 7-day human-agent horizon; it holds only story
 * mentions while every message is one. Security definer: users may insert their own outbound
 * messages but may not write these columns.
 */
create function private.apply_messages_to_conversations() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.conversations c set
    last_message_preview = case when c.last_message_at is null or m.newest_at >= c.last_message_at
      then m.preview else c.last_message_preview end,
    last_message_direction = case when c.last_message_at is null or m.newest_at >= c.last_message_at
      then m.direction else c.last_message_direction end,
    last_message_at = greatest(c.last_message_at, m.newest_at),
    unread_count = least(c.unread_count::bigint + m.inbound, 2147483647)::integer,
    last_inbound_at = greatest(c.last_inbound_at, m.last_inbound_at),
    can_reply_until = greatest(c.can_reply_until, m.last_inbound_at + interval '24 hours'),
    human_agent_until = greatest(c.human_agent_until, m.last_inbound_at + interval '7 days'),
    only_story_mentions = m.only_story_mentions
      and (c.last_message_at is null or c.only_story_mentions)
  from (
    select s.conversation_id,
      (array_agg(private.message_preview(s.type, s.text, s.attachments)
        order by s.sent_at desc, s.ord desc))[1] as preview,
      (array_agg(s.direction::text order by s.sent_at desc, s.ord desc))[1] as direction,
      max(s.sent_at) as newest_at,
      count(*) filter (where s.direction = 'inbound') as inbound,
      max(s.sent_at) filter (where s.direction = 'inbound') as last_inbound_at,
      bool_and(s.type = 'story_mention') as only_story_mentions
    -- a transition table is read in the order its rows were stored
    from (select n.*, row_number() over () as ord from new_rows n) s
    where s.status <> 'draft'
    group by s.conversation_id
  ) m
  where c.id = m.conversation_id;
  return null;
end
$$;
revoke execute on function private.apply_messages_to_conversations() from public;

drop trigger messages_apply_to_conversation on public.messages;
drop function private.apply_message_to_conversation();
create trigger messages_apply_to_conversation after insert on public.messages
  referencing new table as new_rows
  for each statement execute function private.apply_messages_to_conversations();

/*
 * AFTER INSERT, UPDATE or DELETE, per statement: each changed row is broadcast to its IMO's
 * private topic `imo:<imo_id>` with what realtime.broadcast_changes sends (event: the operation;
 * payload: {record, old_record, operation, table, schema}), in the order the rows were changed.
 * Security definer: realtime.send writes realtime.messages, which no member may insert into.
 */
create function private.broadcast_inbox_changes() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    perform realtime.send(jsonb_build_object('old_record', null, 'record', to_jsonb(n),
      'operation', tg_op, 'table', tg_table_name, 'schema', tg_table_schema),
      tg_op, 'imo:' || n.imo_id::text)
    from new_rows n;
  elsif tg_op = 'UPDATE' then
    perform realtime.send(jsonb_build_object('old_record', to_jsonb(o), 'record', to_jsonb(x.n),
      'operation', tg_op, 'table', tg_table_name, 'schema', tg_table_schema),
      tg_op, 'imo:' || (x.n).imo_id::text)
    from (select n, row_number() over () as ord from new_rows n) x
    join old_rows o on o.id = (x.n).id
    order by x.ord;
  else
    perform realtime.send(jsonb_build_object('old_record', to_jsonb(o), 'record', null,
      'operation', tg_op, 'table', tg_table_name, 'schema', tg_table_schema),
      tg_op, 'imo:' || o.imo_id::text)
    from old_rows o;
  end if;
  return null;
end
$$;
revoke execute on function private.broadcast_inbox_changes() from public;

drop trigger conversations_broadcast_change on public.conversations;
drop trigger messages_broadcast_change on public.messages;

create trigger conversations_broadcast_insert after insert on public.conversations
  referencing new table as new_rows
  for each statement execute function private.broadcast_inbox_changes();
create trigger conversations_broadcast_update after update on public.conversations
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.broadcast_inbox_changes();
create trigger conversations_broadcast_delete after delete on public.conversations
  referencing old table as old_rows
  for each statement execute function private.broadcast_inbox_changes();

create trigger messages_broadcast_insert after insert on public.messages
  referencing new table as new_rows
  for each statement execute function private.broadcast_inbox_changes();
create trigger messages_broadcast_update after update on public.messages
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.broadcast_inbox_changes();
create trigger messages_broadcast_delete after delete on public.messages
  referencing old table as old_rows
  for each statement execute function private.broadcast_inbox_changes();
