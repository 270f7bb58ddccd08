-- The inbox is live through Broadcast from the database (20261202160000), which Supabase
-- recommends over Postgres Changes: the latter checks every change against every subscriber's RLS
-- and does not scale. Taking the tables out of supabase_realtime leaves one path to keep right.

alter publication supabase_realtime drop table public.conversations, public.messages,
  public.scheduled_messages;
