-- The unread count stops at the largest integer instead of overflowing: an overflow raised an
-- error inside the messages trigger and so aborted storing the message (and, before events were
-- applied one by one, the rest of its webhook delivery).
-- Changes: private.apply_message_to_conversation() (only the unread_count line differs).

/*
 * After a message is stored, its conversation moves: last message time and preview (only when the
 * message is the newest, so late deliveries do not rewind the list), unread count for messages
 * from the contact (saturating at 2^31 - 1), and for inbound messages the last inbound time, the
 * 24 h reply window and the 7-day human-agent horizon. Drafts do not move anything. Security
 * definer: users may insert their own outbound messages but may not write these columns.
 */
create or replace function private.apply_message_to_conversation() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  is_inbound boolean := new.direction = 'inbound';
begin
  if new.status = 'draft' then
    return new;
  end if;
  update public.conversations c set
    last_message_preview = case when c.last_message_at is null or new.sent_at >= c.last_message_at
      then private.message_preview(new.type, new.text, new.attachments) else c.last_message_preview end,
    last_message_direction = case when c.last_message_at is null or new.sent_at >= c.last_message_at
      then new.direction::text else c.last_message_direction end,
    last_message_at = greatest(c.last_message_at, new.sent_at),
    unread_count = case when is_inbound and c.unread_count < 2147483647
      then c.unread_count + 1 else c.unread_count end,
    last_inbound_at = case when is_inbound then greatest(c.last_inbound_at, new.sent_at) else c.last_inbound_at end,
    can_reply_until = case when is_inbound
      then greatest(c.can_reply_until, new.sent_at + interval '24 hours') else c.can_reply_until end,
    human_agent_until = case when is_inbound
      then greatest(c.human_agent_until, new.sent_at + interval '7 days') else c.human_agent_until end,
    only_story_mentions = case when new.type = 'story_mention'
      then c.last_message_at is null or c.only_story_mentions else false end
  where c.id = new.conversation_id;
  return new;
end
$$;
