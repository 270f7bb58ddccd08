-- A scheduled message's sent_message_id referenced messages by id alone, so it could point at
-- another IMO's message. It now references (id, conversation_id): the message it sent is one of
-- its own conversation, hence of its IMO (issue 8).
-- Changes: the foreign key scheduled_messages_sent_message_id_fkey.

alter table public.scheduled_messages
  drop constraint scheduled_messages_sent_message_id_fkey,
  add constraint scheduled_messages_sent_message_id_fkey
    foreign key (sent_message_id, conversation_id) references public.messages (id, conversation_id)
    on delete set null (sent_message_id);
