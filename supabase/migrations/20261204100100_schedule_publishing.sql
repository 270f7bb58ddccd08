-- Scheduled publications go out from pg_cron every minute, through the one scheduling helper like
-- every function job (private.schedule_function); the function claims due rows once each.
-- Creates: cron job publishing-process-scheduled.

select private.schedule_function('publishing-process-scheduled', '* * * * *',
  'publishing-process-scheduled', '{}', 60000);
