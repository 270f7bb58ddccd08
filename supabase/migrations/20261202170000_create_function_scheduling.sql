-- One way for the database to call an edge function, and one way to schedule that call: the
-- pattern Supabase documents (guides/functions/schedule-functions; docs/local-platform.md §5),
-- pg_cron running net.http_post with the project URL and the service role key read from Vault
-- secrets `project_url` and `service_role_key` (README "Deploy"). Jobs used to copy the whole
-- net.http_post + Vault block each; now a job's command is one call, and the secrets are read
-- when it runs, so they may be stored after the migrations.
-- Changes: private.call_function(), private.schedule_function().

/*
 * private.call_function(function_name, body): queues a POST of `body` to the function with the
 * service role key and returns pg_net's request id; pg_net sends it once the transaction commits.
 * Security invoker: jobs run as the role that scheduled them (postgres), which reads Vault; no
 * other role may call it (execute is revoked from public), so nobody else reaches the key.
 */
create function private.call_function(
  function_name text, body jsonb default '{}'::jsonb, timeout_milliseconds integer default 5000
) returns bigint
language plpgsql set search_path = '' as $$
declare
  project_url text := (select s.decrypted_secret from vault.decrypted_secrets s where s.name = 'project_url');
  service_key text := (select s.decrypted_secret from vault.decrypted_secrets s where s.name = 'service_role_key');
begin
  if function_name !~ '^[a-z0-9][a-z0-9_-]*$' then
    raise exception 'not a function name: %', function_name using errcode = '22023';
  end if;
  if project_url is null or service_key is null then
    raise exception 'Vault secrets project_url and service_role_key are not set'
      using hint = 'select vault.create_secret(''https://<ref>.supabase.co'', ''project_url''); and the same for service_role_key';
  end if;
  return net.http_post(
    url := rtrim(project_url, '/') || '/functions/v1/' || function_name,
    headers := jsonb_build_object(
      'Content-Type', 'application/json', 'Authorization', 'Bearer ' || service_key
    ),
    body := body,
    timeout_milliseconds := timeout_milliseconds
  );
end
$$;
revoke execute on function private.call_function(text, jsonb, integer) from public;

/*
 * private.schedule_function(job_name, schedule, function_name, body, timeout_milliseconds):
 * creates the pg_cron job, or changes it (cron.schedule replaces a job of the same name and
 * owner), that calls the function on `schedule` (five cron fields in UTC, or 'N seconds').
 * pg_net gives up on the answer after the timeout (its default, 5 s, unless one is given); a
 * function that works longer than that needs a longer one. Returns the job id.
 */
create function private.schedule_function(
  job_name text, schedule text, function_name text, body jsonb default '{}'::jsonb,
  timeout_milliseconds integer default null
) returns bigint
language plpgsql set search_path = '' as $$
begin
  if function_name !~ '^[a-z0-9][a-z0-9_-]*$' then
    raise exception 'not a function name: %', function_name using errcode = '22023';
  end if;
  return cron.schedule(
    job_name, schedule,
    case when timeout_milliseconds is null
      then format('select private.call_function(%L, %L::jsonb)', function_name, body)
      else format('select private.call_function(%L, %L::jsonb, %s)', function_name, body, timeout_milliseconds)
    end
  );
end
$$;
revoke execute on function private.schedule_function(text, text, text, jsonb, integer) from public;
