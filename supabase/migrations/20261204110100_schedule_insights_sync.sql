-- Insights are synced hourly, a few minutes past the hour so that the closed hour is complete:
-- pg_cron calls the insights function through the one scheduling helper, as every job does.
-- A sync of many accounts waits its turns at the rate governor, so it may take a while.
-- Changes: cron job 'insights-sync'.

select private.schedule_function('insights-sync', '7 * * * *', 'insights', '{}', 120000);
