-- Deletes pending connections ten minutes after they lapse, so that a token from a consent
-- nobody confirmed does not stay in the database. Plain SQL: no function call needed.
-- Affects: public.pending_connections (deletes expired rows every 10 minutes).

select cron.schedule(
  'purge-pending-connections',
  '*/10 * * * *',
  $$ delete from public.pending_connections where expires_at < now() - interval '10 minutes' $$
);
