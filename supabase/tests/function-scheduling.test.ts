/**
 * private.schedule_function and private.call_function: one helper schedules every function call
 * (docs/local-platform.md §5), the jobs that call functions use it, and only the scheduler's role
 * reaches the service role key it reads from Vault.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import { attempt } from "./actors.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** The jobs that work up to 50 s a run, and so wait a minute for the answer. */
const LONG_RUNNING = [
  "instagram-process-scheduled",
  "instagram-auto-reminder",
  "publishing-process-scheduled",
];

/** The jobs that call a function, with the schedule each runs on. */
const FUNCTION_JOBS = {
  "instagram-refresh-token": "17 * * * *",
  "instagram-process-webhooks": "* * * * *",
  "instagram-process-scheduled": "* * * * *",
  "instagram-auto-reminder": "0 15 * * *",
  "publishing-process-scheduled": "* * * * *",
};

Deno.test(
  "every job that calls a function goes through private.call_function",
  options,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const jobs = await sql<{ jobname: string; schedule: string; command: string }[]>`
      select jobname, schedule, command from cron.job
      where jobname = any(${Object.keys(FUNCTION_JOBS)})`;
      assert.deepEqual(
        Object.fromEntries(jobs.map((job) => [job.jobname, job.schedule])),
        FUNCTION_JOBS,
      );
      for (const job of jobs) {
        const timeout = LONG_RUNNING.includes(job.jobname) ? ", 60000" : "";
        assert.equal(
          job.command,
          `select private.call_function('${job.jobname}', '{}'::jsonb${timeout})`,
        );
      }
      // no job keeps its own copy of the net.http_post + Vault block
      const copies = await sql`select jobname from cron.job
      where command ~* 'net\\.http_post|vault\\.' and jobname not like 'health-ping-%'`;
      assert.deepEqual(copies.map((row) => row.jobname), []);
    } finally {
      await sql.end();
    }
  },
);

Deno.test(
  "schedule_function creates a job, and again with a new schedule changes it",
  options,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
    const name = `schedule-helper-${crypto.randomUUID().slice(0, 8)}`;
    try {
      const [first] = await sql`
      select private.schedule_function(${name}, '*/5 * * * *', 'health', '{"ping": true}') as id`;
      const [second] = await sql`
      select private.schedule_function(${name}, '* * * * *', 'health', '{"ping": true}') as id`;
      assert.equal(first!.id, second!.id);
      const [job] = await sql`select schedule, command from cron.job where jobid = ${first!.id}`;
      assert.deepEqual({ ...job }, {
        schedule: "* * * * *",
        command: `select private.call_function('health', '{"ping": true}'::jsonb)`,
      });
      await assert.rejects(
        sql`select private.schedule_function(${name}, '* * * * *', 'health''); drop table x; --')`,
        /not a function name/,
      );
    } finally {
      await sql`select cron.unschedule(${name})`.catch(() => {});
      await sql.end();
    }
  },
);

Deno.test("call_function queues a POST with the service role key from Vault", options, async () => {
  const sql = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
  try {
    // inside a transaction that rolls back: the net worker never sees the request
    await sql.begin(async (tx) => {
      const [{ id }] = await tx<{ id: string }[]>`
        select private.call_function('instagram-process-scheduled', '{"conversation_ids": []}') as id`;
      const [request] = await tx<
        { method: string; url: string; headers: Record<string, string>; body: string }[]
      >`select method, url, headers, convert_from(body, 'UTF8') as body
        from net.http_request_queue where id = ${id}`;
      assert.equal(request!.method, "POST");
      assert.equal(request!.url, `${platformEnv().url}/functions/v1/instagram-process-scheduled`);
      assert.equal(request!.headers.Authorization, `Bearer ${platformEnv().serviceRoleKey}`);
      assert.deepEqual(JSON.parse(request!.body), { conversation_ids: [] });
      await tx`select 1 / 0`;
    }).catch((error) => {
      if (!/division by zero/.test(error.message)) throw error;
    });
  } finally {
    await sql.end();
  }
});

Deno.test("members and the service role cannot call functions with the key", options, async () => {
  const member = {
    kind: "user" as const,
    claims: { sub: crypto.randomUUID(), role: "authenticated", email: "m@test.local" },
  };
  for (const caller of [member, { kind: "anon" as const }, { kind: "service" as const }]) {
    assert.equal(
      await attempt(caller, `select private.call_function('health')`),
      "denied",
      caller.kind,
    );
    assert.equal(
      await attempt(caller, `select private.schedule_function('x', '* * * * *', 'health')`),
      "denied",
      caller.kind,
    );
  }
});
