-- Messages: a member queues a reply and writes only what a reply is made of. Reactions, delivery
-- and read times, deletion, errors, Meta's id and the send time are written by ingestion and the
-- send path (service role), never chosen by the member (issue 8); sent_at takes its default now().
-- Changes: the insert grant of authenticated on messages (column list). Members still update nothing.

revoke insert, update on table public.messages from authenticated;
grant insert (
  imo_id, channel_account_id, conversation_id, client_message_id, direction, author_kind,
  author_user_id, type, text, attachments, reply_to_message_id, status
) on table public.messages to authenticated;
