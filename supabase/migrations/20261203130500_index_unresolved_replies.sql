-- A reply that arrives before the message it answers keeps the target's mid
-- (reply_to_external_id) and is linked when that message is stored. This index holds only the
-- replies still waiting, so looking for them costs nothing when a message is stored.
-- Creates: index messages_unresolved_reply_idx.

create index messages_unresolved_reply_idx
  on public.messages (conversation_id, reply_to_external_id)
  where reply_to_message_id is null and reply_to_external_id is not null;
