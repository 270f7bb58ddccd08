-- The command center refreshes its IMO's dm_answers before it reads; this job keeps the queue of
-- stale conversations short between reads (every minute), and drops the answers older than the
-- command center's longest range (30 days, plus a day for time zones) once an hour, with their
-- counts.

select cron.schedule(
  'dm-answers-refresh',
  '* * * * *',
  $$select private.refresh_stale_dm_answers()$$
);

select cron.schedule(
  'dm-answers-retention',
  '17 * * * *',
  $$delete from public.dm_answers where sent_at < now() - interval '32 days';
    delete from public.dm_answer_counts where bucket_start < now() - interval '32 days'$$
);
