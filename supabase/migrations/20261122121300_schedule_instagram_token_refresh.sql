-- Schedules instagram-refresh-token hourly through pg_cron and pg_net, the documented pattern
-- (guides/functions/schedule-functions): the project URL and service role key come from Vault
-- secrets `project_url` and `service_role_key` (README: "Deploy"). The function refreshes only
-- tokens from day 53 of 60, so running hourly costs nothing when nothing is due.

-- On Supabase these are extensions to enable; the local platform provides the same schemas.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron') then
    create extension if not exists pg_cron;
  end if;
  if exists (select 1 from pg_available_extensions where name = 'pg_net') then
    create extension if not exists pg_net with schema extensions;
  end if;
end
$$;

select cron.schedule(
  'instagram-refresh-token',
  '17 * * * *',
  $$
  select net.http_post(
    url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url')
      || '/functions/v1/instagram-refresh-token',
    headers := jsonb_build_object(
      'Content-Type', 'application/json',
      'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')
    ),
    body := jsonb_build_object('scheduled_at', now())
  ) as request_id;
  $$
);
