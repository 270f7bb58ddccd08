-- The token refresh and the webhook drain each carried their own copy of the net.http_post +
-- Vault block; they now call private.call_function through private.schedule_function, which
-- replaces each job under its name (same schedule, one-line command).
-- Changes: cron jobs instagram-refresh-token and instagram-process-webhooks.

select private.schedule_function('instagram-refresh-token', '17 * * * *', 'instagram-refresh-token');
select private.schedule_function('instagram-process-webhooks', '* * * * *', 'instagram-process-webhooks');
