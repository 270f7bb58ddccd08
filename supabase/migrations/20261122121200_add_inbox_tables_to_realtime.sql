-- Realtime: the tables the Messages tab listens to. Realtime checks each subscriber's RLS before
-- pushing a row, so members of another IMO never receive them.

alter publication supabase_realtime add table public.conversations, public.messages, public.scheduled_messages;
