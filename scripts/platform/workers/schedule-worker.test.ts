import { parseSchedule } from "./cron-schedule.ts";
import {
  describeResult,
  errorMessage,
  finishRun,
  newSchedulerState,
  planTick,
  quoteIdent,
  startScheduleWorker,
} from "./schedule-worker.ts";
import assert from "node:assert/strict";
import { eventually } from "../../testing/eventually.ts";
import { startTestDatabase } from "../../testing/test-database.ts";

const t = (iso: string) => Date.parse(`${iso}Z`);
const job = (jobid: string, text: string) => ({ jobid, schedule: parseSchedule(text) });

Deno.test("planTick: a 5-field job runs once per matching minute, not in the startup minute", () => {
  const state = newSchedulerState();
  const jobs = [job("1", "* * * * *"), job("2", "0 12 * * *")];
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:00:30")), [], "startup minute");
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:00:59.900")), []);
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:01:00.200")), ["1"]);
  finishRun(state, "1");
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:01:01")), [], "same minute again");
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:01:59")), []);
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:02:00.050")), ["1"]);
});

Deno.test("planTick: a run that comes due while the last one runs waits for it, once", () => {
  const state = newSchedulerState();
  const jobs = [job("1", "* * * * *")];
  planTick(state, jobs, t("2025-03-01T12:00:10"));
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:01:00")), ["1"]);
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:02:00")), [], "still running");
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:02:01")), [], "still running");
  finishRun(state, "1");
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:02:02")), ["1"], "queued run starts");
  finishRun(state, "1");
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:02:03")), [], "no second queued run");
});

Deno.test("planTick: minutes missed to a stall are replayed, up to five", () => {
  const state = newSchedulerState();
  const jobs = [job("1", "*/2 * * * *"), job("2", "3 * * * *")];
  planTick(state, jobs, t("2025-03-01T12:00:10"));
  planTick(state, jobs, t("2025-03-01T12:01:00"));
  // stalled until 12:04:10: 12:02 and 12:04 for job 1, 12:03 for job 2
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:04:10")), ["1", "2"]);
  finishRun(state, "1");
  finishRun(state, "2");
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:04:11")), ["1"], "job 1 had two minutes");
  finishRun(state, "1");
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:04:12")), []);
  // a jump of more than five minutes only looks at the current minute
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T13:03:00")), ["2"]);
});

Deno.test("planTick: a clock stepping back does not repeat minutes", () => {
  const state = newSchedulerState();
  const jobs = [job("1", "* * * * *")];
  planTick(state, jobs, t("2025-03-01T12:00:10"));
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:01:00")), ["1"]);
  finishRun(state, "1");
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:00:30")), []);
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:01:30")), []);
  assert.deepEqual(planTick(state, jobs, t("2025-03-01T12:02:00")), ["1"]);
});

Deno.test("planTick: 'N seconds' jobs run every N seconds, never overlapping", () => {
  const state = newSchedulerState();
  const jobs = [job("1", "1 seconds"), job("5", "5 seconds")];
  assert.deepEqual(planTick(state, jobs, 1_000), ["1", "5"], "first tick starts both");
  assert.deepEqual(planTick(state, jobs, 2_004), [], "both still running");
  finishRun(state, "1");
  finishRun(state, "5");
  assert.deepEqual(
    planTick(state, jobs, 2_998),
    ["1"],
    "a tick landing slightly early still counts",
  );
  finishRun(state, "1");
  assert.deepEqual(planTick(state, jobs, 5_000), ["1"]);
  finishRun(state, "1");
  assert.deepEqual(planTick(state, jobs, 6_001), ["1", "5"]);
});

Deno.test("planTick: @reboot runs on the first tick only; removed jobs drop queued runs", () => {
  const state = newSchedulerState();
  assert.deepEqual(planTick(state, [job("1", "@reboot")], t("2025-03-01T12:00:10")), ["1"]);
  finishRun(state, "1");
  assert.deepEqual(planTick(state, [job("1", "@reboot")], t("2025-03-01T12:00:11")), []);

  const every = [job("2", "* * * * *")];
  assert.deepEqual(planTick(state, every, t("2025-03-01T12:01:00")), ["2"]);
  planTick(state, every, t("2025-03-01T12:02:00")); // queued behind the running one
  planTick(state, [], t("2025-03-01T12:02:01")); // unscheduled
  finishRun(state, "2");
  assert.deepEqual(planTick(state, every, t("2025-03-01T12:02:02")), [], "queued run dropped");
});

Deno.test("describeResult and errorMessage follow pg_cron's libpq mode", () => {
  const result = (command: string, count: number | null, rows: unknown[] = [], columns = false) =>
    Object.assign([...rows], { command, count, columns: columns ? [{}] : null });
  assert.equal(describeResult(result("SELECT", 1, [{}], true)), "1 row");
  assert.equal(describeResult(result("SELECT", 0, [], true)), "0 rows");
  assert.equal(describeResult(result("INSERT", 2)), "INSERT 0 2");
  assert.equal(describeResult(result("UPDATE", 3)), "UPDATE 3");
  assert.equal(describeResult(result("CREATE TABLE", null)), "CREATE TABLE");
  assert.equal(
    describeResult([result("INSERT", 1), result("SELECT", 2, [{}, {}], true)]),
    "2 rows",
  );
  assert.equal(
    errorMessage(Object.assign(new Error("boom"), { severity: "ERROR", hint: "try again" })),
    "ERROR:  boom\nHINT:  try again\n",
  );
  assert.equal(errorMessage(new Error("socket closed")), "socket closed");
  assert.equal(quoteIdent('we"ird'), '"we""ird"');
});

Deno.test({
  name: "schedule worker against a throwaway Postgres",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const db = await startTestDatabase();
    const { sql } = db;
    const logs: string[] = [];
    const log = (message: string) => logs.push(message);
    const runsOf = (jobid: string) =>
      sql<
        {
          status: string;
          return_message: string | null;
          job_pid: number | null;
          database: string;
          username: string;
          command: string;
          start_time: Date | null;
          end_time: Date | null;
        }[]
      >`select * from cron.job_run_details where jobid = ${jobid} order by runid`;

    try {
      await sql`create table public.ticks (id serial primary key, who text not null default current_user)`;

      await t.step("marks runs left 'running' by an earlier process as failed", async () => {
        await sql`
          insert into cron.job_run_details (jobid, status, start_time)
          values (999, 'running', now())`;
        const worker = startScheduleWorker(sql, { log });
        await eventually(() => worker.status().lastTickAt, "first tick");
        await worker.stop();
        const [run] = await runsOf("999");
        assert.equal(run?.status, "failed");
        assert.equal(run?.return_message, "server restarted");
      });

      await t.step("a '1 seconds' job runs repeatedly and records each run", async () => {
        const [{ jobid }] = await sql<{ jobid: string }[]>`
          select cron.schedule('tick', '1 seconds', 'insert into public.ticks default values')::text
            as jobid`;
        const worker = startScheduleWorker(sql, { log });
        try {
          await eventually(
            async () => (await runsOf(jobid)).filter((r) => r.status === "succeeded").length >= 3,
            "three succeeded runs",
          );
          const status = worker.status();
          assert.ok(
            status.running && status.jobsRun >= 3 && status.lastTickAt,
            "status while running",
          );
        } finally {
          await worker.stop();
        }
        assert.equal(worker.status().running, false);
        await sql`select cron.unschedule('tick')`;

        const runs = await runsOf(jobid);
        const [{ count }] = await sql<{ count: number }[]>`select count(*)::int from public.ticks`;
        assert.equal(count, runs.length, "one insert per recorded run");
        for (const run of runs) {
          assert.equal(run.status, "succeeded");
          assert.equal(run.return_message, "INSERT 0 1");
          assert.ok(run.job_pid && run.job_pid > 0, "job_pid");
          assert.equal(run.database, "postgres");
          assert.equal(run.username, "postgres");
          assert.equal(run.command, "insert into public.ticks default values");
          assert.ok(run.start_time && run.end_time && run.end_time >= run.start_time, "times");
        }
        // roughly one run a second, not one per tick burst
        const span = runs.at(-1)!.start_time!.getTime() - runs[0]!.start_time!.getTime();
        assert.ok(span >= (runs.length - 1) * 700, `${runs.length} runs spread over ${span} ms`);
      });

      await t.step(
        "a failing job records 'failed' with the error; the worker carries on",
        async () => {
          const [{ jobid }] = await sql<{ jobid: string }[]>`
          select cron.schedule('fail', '1 seconds', 'select 1; select 1/0')::text as jobid`;
          const [{ jobid: okJob }] = await sql<{ jobid: string }[]>`
          select cron.schedule('ok', '1 seconds', 'select 1 as a; select 2 as b union select 3')::text
            as jobid`;
          const worker = startScheduleWorker(sql, { log });
          try {
            await eventually(async () => (await runsOf(jobid)).length >= 2, "two failed runs");
            await eventually(
              async () => (await runsOf(okJob)).some((r) => r.status === "succeeded"),
              "the other job still runs",
            );
          } finally {
            await worker.stop();
          }
          await sql`select cron.unschedule('fail'), cron.unschedule('ok')`;
          const [run] = await runsOf(jobid);
          assert.equal(run?.status, "failed");
          assert.equal(run?.return_message, "ERROR:  division by zero\n");
          assert.ok(run?.end_time, "end_time set on failure");
          assert.equal(
            (await runsOf(okJob))[0]?.return_message,
            "2 rows",
            "last statement's outcome",
          );
          assert.ok(logs.some((l) => l.includes("division by zero")), "failure logged");
        },
      );

      await t.step(
        "a job runs as its username, and the pooled connection is left clean",
        async () => {
          await sql.unsafe(`
          create role "cron tester" nologin;
          grant usage on schema public to "cron tester";
          grant insert on public.ticks to "cron tester";
          grant usage on sequence public.ticks_id_seq to "cron tester";
          truncate public.ticks`);
          const [{ jobid }] = await sql<{ jobid: string }[]>`
          select cron.schedule('as-tester', '1 seconds',
            'set search_path = pg_catalog; insert into public.ticks (who) values (current_user)')::text
            as jobid`;
          await sql`update cron.job set username = 'cron tester' where jobid = ${jobid}`;
          const worker = startScheduleWorker(sql, { log });
          try {
            await eventually(async () => (await runsOf(jobid)).length >= 1, "a run as cron tester");
          } finally {
            await worker.stop();
          }
          await sql`delete from cron.job where jobid = ${jobid}`;
          const [run] = await runsOf(jobid);
          assert.equal(run?.status, "succeeded", run?.return_message ?? "");
          assert.equal(run?.username, "cron tester");
          const who = await sql<{ who: string }[]>`select distinct who from public.ticks`;
          assert.deepEqual(who.map((r) => r.who), ["cron tester"]);
          // every pooled connection still runs as the superuser with the default search_path
          const sessions = await Promise.all(
            Array.from({ length: 10 }, () =>
              sql<{ user: string; path: string }[]>`
              select current_user as user, current_setting('search_path') as path, pg_sleep(0.05)`),
          );
          for (const [s] of sessions) {
            assert.equal(s?.user, "postgres");
            assert.equal(s?.path, '"$user", public, extensions');
          }
        },
      );

      await t.step("a job whose previous run is still going does not start again", async () => {
        const [{ jobid }] = await sql<{ jobid: string }[]>`
          select cron.schedule('slow', '1 seconds', 'select pg_sleep(1.3)')::text as jobid`;
        const worker = startScheduleWorker(sql, { log });
        try {
          await eventually(async () => (await runsOf(jobid)).length >= 2, "two runs", 8000);
        } finally {
          await worker.stop();
        }
        await sql`select cron.unschedule('slow')`;
        const runs = await runsOf(jobid);
        for (let i = 1; i < runs.length; i++) {
          assert.ok(
            runs[i]!.start_time! >= runs[i - 1]!.end_time!,
            `run ${i} started after run ${i - 1}`,
          );
        }
      });

      await t.step("a bad schedule or a missing role is reported, not fatal", async () => {
        await sql`insert into cron.job (schedule, command, jobname) values ('61 * * * *', 'select 1', 'bad')`;
        const [{ jobid }] = await sql<{ jobid: string }[]>`
          insert into cron.job (schedule, command, jobname, username)
          values ('1 seconds', 'select 1', 'ghost', 'no_such_role') returning jobid::text`;
        const worker = startScheduleWorker(sql, { log });
        try {
          await eventually(async () => (await runsOf(jobid)).length >= 1, "the ghost run");
          assert.ok(worker.status().running, "still running");
        } finally {
          await worker.stop();
        }
        await sql`delete from cron.job where jobname in ('bad', 'ghost')`;
        assert.ok(logs.some((l) => /61 \* \* \* \*/.test(l)), "invalid schedule logged");
        assert.match(
          (await runsOf(jobid))[0]?.return_message ?? "",
          /role "no_such_role" does not exist/,
        );
      });
    } finally {
      await db.stop();
    }
  },
});
