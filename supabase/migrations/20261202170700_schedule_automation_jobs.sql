-- The automation crons, through private.schedule_function: due scheduled messages every minute
-- (a five-minute beat would let "send at 14:00" go at 14:04), and the
-- priority reminder once a day at 15:00 UTC. Either schedule changes by calling the helper again,
-- e.g. select private.schedule_function('instagram-process-scheduled', '*/5 * * * *',
-- 'instagram-process-scheduled'); (README "Automation").
-- Changes: cron jobs instagram-process-scheduled and instagram-auto-reminder.

-- both work for up to 50 s a run (a backlog, Meta's rate limit), so pg_net waits a minute for the answer
select private.schedule_function('instagram-process-scheduled', '* * * * *', 'instagram-process-scheduled',
  '{}', 60000);
select private.schedule_function('instagram-auto-reminder', '0 15 * * *', 'instagram-auto-reminder',
  '{}', 60000);
