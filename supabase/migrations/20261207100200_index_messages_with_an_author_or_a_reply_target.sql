-- The contact's messages have no author and most have no reply target, yet every one of them was
-- an entry in both indexes, which serve only lookups of one author or one target (a user's
-- deletion, a deleted message's replies). Indexing only the rows that have one leaves a webhook
-- batch two index inserts fewer per message (issue 12); `author_user_id = $1` and
-- `reply_to_message_id = $1` imply the predicate, so the same lookups use them.
-- Changes: indexes messages_author_user_id_idx, messages_reply_to_message_id_idx.

drop index public.messages_author_user_id_idx;
create index messages_author_user_id_idx on public.messages (author_user_id)
  where author_user_id is not null;

drop index public.messages_reply_to_message_id_idx;
create index messages_reply_to_message_id_idx on public.messages (reply_to_message_id)
  where reply_to_message_id is not null;
