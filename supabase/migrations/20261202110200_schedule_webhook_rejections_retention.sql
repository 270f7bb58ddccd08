-- Rejected webhook POSTs are kept 7 days: long enough to look into a flood or a wrong app secret.
-- Hourly, so the table never holds much more than 7 days of its 10 rows a minute.

select cron.schedule(
  'webhook-rejections-retention',
  '41 * * * *',
  $$delete from public.webhook_rejections where received_at < now() - interval '7 days'$$
);
