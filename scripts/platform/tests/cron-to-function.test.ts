import assert from "node:assert/strict";
import postgres from "postgres";
import { eventually } from "../../testing/eventually.ts";
import { platformEnv } from "../../testing/platform-env.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "a '* * * * *' cron job calls a function through net.http_post within a minute",
  options,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
    const jobName = `health-ping-${crypto.randomUUID().slice(0, 8)}`;
    const marker = crypto.randomUUID();
    try {
      // The command documented in Supabase's guides/functions/schedule-functions, unchanged.
      const [{ jobid }] = await sql<{ jobid: string }[]>`
      select cron.schedule(${jobName}, '* * * * *', ${`
        select net.http_post(
          url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/health?marker=${marker}',
          headers := jsonb_build_object(
            'Content-Type', 'application/json',
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')
          ),
          body := jsonb_build_object('time', now())
        ) as request_id;`}) as jobid`;

      const run = await eventually(
        async () => {
          const [row] =
            await sql`select status, return_message from cron.job_run_details where jobid = ${jobid} and status <> 'running'`;
          return row;
        },
        "the schedule worker to run the job",
        75_000,
      );
      assert.equal(run.status, "succeeded", run.return_message);

      const response = await eventually(
        async () => {
          const [row] = await sql<{ status_code: number; content: string }[]>`
        select status_code, content from net._http_response
        where content like '%service_role%' and created > now() - interval '2 minutes'
        order by created desc limit 1`;
          return row;
        },
        "the net worker to store the function's answer",
        15_000,
      );
      assert.equal(response.status_code, 200);
      assert.equal(JSON.parse(response.content).role, "service_role");
    } finally {
      await sql`select cron.unschedule(${jobName})`.catch(() => {});
      await sql.end();
    }
  },
);

Deno.test("cron.schedule upserts by name and refuses a malformed schedule", options, async () => {
  const sql = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
  const jobName = `upsert-${crypto.randomUUID().slice(0, 8)}`;
  try {
    const [first] = await sql`select cron.schedule(${jobName}, '0 3 * * *', 'select 1') as id`;
    const [second] = await sql`select cron.schedule(${jobName}, '30 seconds', 'select 2') as id`;
    assert.equal(first!.id, second!.id);
    const [job] = await sql`select schedule, command from cron.job where jobid = ${first!.id}`;
    assert.deepEqual({ ...job }, { schedule: "30 seconds", command: "select 2" });
    await assert.rejects(
      sql`select cron.schedule('bad', 'every tuesday', 'select 1')`,
      /invalid schedule/,
    );
    assert.equal((await sql`select cron.unschedule(${jobName}) as ok`)[0]!.ok, true);
  } finally {
    await sql.end();
  }
});
