// Imitates pg_cron 1.6's launcher (citusdata/pg_cron src/pg_cron.c): reads cron.job every second,
// runs due jobs and records each run in cron.job_run_details.
import type postgres from "postgres";
import { isDue, parseSchedule, type Schedule } from "./cron-schedule.ts";

export interface ScheduleWorkerOptions {
  log?: (message: string) => void;
  /** clock in epoch ms; injectable for tests */
  now?: () => number;
  tickMs?: number;
}

export interface ScheduleWorker {
  stop(): Promise<void>;
  status(): { running: boolean; lastTickAt: string | null; jobsRun: number };
}

interface JobRow {
  jobid: string;
  schedule: string;
  command: string;
  database: string;
  username: string;
}

// ---------------------------------------------------------------------------------------------
// Which jobs start on a tick: pure apart from mutating `state`, so tests can drive the clock.

interface TaskState {
  /** runs that came due while the previous one was still running (pg_cron's pendingRunCount) */
  pending: number;
  running: boolean;
  lastStart: number | null;
}

export interface SchedulerState {
  /** start of the last minute whose 5-field jobs were considered; null before the first tick */
  lastMinute: number | null;
  tasks: Map<string, TaskState>;
}

export const newSchedulerState = (): SchedulerState => ({ lastMinute: null, tasks: new Map() });

const MINUTE = 60_000;
// pg_cron replays up to 5 minutes missed to a stall; beyond that only the current minute counts
const MAX_CATCH_UP_MINUTES = 5;
// ticks land a few ms either side of the second; without slack a '1 seconds' job would skip some
const SECONDS_SLACK_MS = 500;

/** Returns the ids of the jobs to start at `nowMs` and marks them running. */
export function planTick(
  state: SchedulerState,
  jobs: readonly { jobid: string; schedule: Schedule }[],
  nowMs: number,
): string[] {
  const minute = nowMs - (nowMs % MINUTE);
  const firstTick = state.lastMinute === null;
  const minutes: number[] = [];
  // like pg_cron, the minute the worker starts in is not run: it may already have run elsewhere
  if (state.lastMinute !== null && minute > state.lastMinute) {
    const gap = (minute - state.lastMinute) / MINUTE;
    for (let m = gap > MAX_CATCH_UP_MINUTES ? minute : state.lastMinute + MINUTE; m <= minute;) {
      minutes.push(m);
      m += MINUTE;
    }
  }
  // after the clock steps back, keep the later minute so its jobs do not run twice
  if (state.lastMinute === null || minute > state.lastMinute) state.lastMinute = minute;

  const start: string[] = [];
  const seen = new Set<string>();
  for (const { jobid, schedule } of jobs) {
    seen.add(jobid);
    let task = state.tasks.get(jobid);
    if (!task) state.tasks.set(jobid, task = { pending: 0, running: false, lastStart: null });

    if (schedule.kind === "cron") {
      task.pending += minutes.filter((m) => isDue(schedule, new Date(m))).length;
    } else if (schedule.kind === "reboot") {
      if (firstTick) task.pending++;
    } else if (
      !task.running && task.pending === 0 &&
      (task.lastStart === null ||
        nowMs - task.lastStart + SECONDS_SLACK_MS >= schedule.seconds * 1000)
    ) {
      task.pending++;
    }

    if (task.pending > 0 && !task.running) {
      task.pending--;
      task.running = true;
      task.lastStart = nowMs;
      start.push(jobid);
    }
  }
  // an unscheduled or deactivated job loses its queued runs
  for (const [jobid, task] of state.tasks) {
    if (seen.has(jobid)) continue;
    if (task.running) task.pending = 0;
    else state.tasks.delete(jobid);
  }
  return start;
}

export function finishRun(state: SchedulerState, jobid: string) {
  const task = state.tasks.get(jobid);
  if (task) task.running = false;
}

// ---------------------------------------------------------------------------------------------

export function startScheduleWorker(
  sql: postgres.Sql,
  options: ScheduleWorkerOptions = {},
): ScheduleWorker {
  const log = options.log ?? (() => {});
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 1000;
  const state = newSchedulerState();
  const runs = new Set<Promise<void>>();
  const schedules = new Map<string, Schedule | null>();
  let identity: { user: string; database: string } | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastTickAt: string | null = null;
  let jobsRun = 0;

  /** Parsed once per distinct text; an invalid schedule is logged once, then skipped. */
  function scheduleOf(job: JobRow): Schedule | null {
    if (!schedules.has(job.schedule)) {
      try {
        schedules.set(job.schedule, parseSchedule(job.schedule));
      } catch (error) {
        log(`cron job ${job.jobid} skipped: ${(error as Error).message}`);
        schedules.set(job.schedule, null);
      }
    }
    return schedules.get(job.schedule)!;
  }

  async function tick() {
    const at = now();
    identity ??= (await sql<{ user: string; database: string }[]>`
      select current_user as "user", current_database() as database`)[0]!;
    const rows = await sql<JobRow[]>`
      select jobid::text, schedule, command, database, username
      from cron.job where active order by jobid`;
    const byId = new Map(rows.map((row) => [row.jobid, row]));
    const jobs = rows.flatMap((row) => {
      const schedule = scheduleOf(row);
      return schedule ? [{ jobid: row.jobid, schedule }] : [];
    });
    for (const jobid of planTick(state, jobs, at)) {
      jobsRun++;
      const run = runJob(byId.get(jobid)!).finally(() => {
        finishRun(state, jobid);
        runs.delete(run);
      });
      runs.add(run);
    }
    lastTickAt = new Date(at).toISOString();
  }

  async function runJob(job: JobRow) {
    let runid: string | null = null;
    let status = "succeeded";
    let message: string;
    try {
      if (job.database !== identity!.database) {
        throw new Error(`database "${job.database}" is not served by this worker`);
      }
      // one connection for the whole run, so job_pid is the backend that runs the command
      const conn = await sql.reserve();
      try {
        const [{ pid }] = await conn<{ pid: number }[]>`select pg_backend_pid() as pid`;
        // committed on its own so the 'running' row is visible and survives a failed command
        [{ runid }] = await conn<{ runid: string }[]>`
          insert into cron.job_run_details
            (jobid, job_pid, database, username, command, status, start_time)
          values (${job.jobid}, ${pid}, ${job.database}, ${job.username}, ${job.command},
                  'running', clock_timestamp())
          returning runid::text`;
        message = await runInTransaction(conn, job, identity!.user);
      } finally {
        conn.release();
      }
    } catch (error) {
      status = "failed";
      message = errorMessage(error);
      log(`cron job ${job.jobid} failed: ${message.trim()}`);
    }
    try {
      if (runid === null) {
        await sql`
          insert into cron.job_run_details
            (jobid, database, username, command, status, return_message, start_time, end_time)
          values (${job.jobid}, ${job.database}, ${job.username}, ${job.command}, ${status},
                  ${message}, clock_timestamp(), clock_timestamp())`;
      } else {
        await sql`
          update cron.job_run_details
          set status = ${status}, return_message = ${message}, end_time = clock_timestamp()
          where runid = ${runid}`;
      }
    } catch (error) {
      log(`cron job ${job.jobid}: could not record its run: ${(error as Error).message}`);
    }
  }

  function loop(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick()
        .catch((error) => log(`schedule worker tick failed: ${error.message}`))
        .then(() => loop(tickMs - (Date.now() % tickMs)));
    }, delay);
  }

  // the first tick waits for the tidy-up, so it never marks this worker's own runs as failed;
  // every tick lands on a whole second so 'N seconds' jobs keep an even beat
  let current: Promise<void> = markInterruptedRuns(sql)
    .catch((error) => log(`schedule worker could not tidy cron.job_run_details: ${error.message}`))
    .then(() => loop(tickMs - (Date.now() % tickMs)));

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      // a tick already under way may have started runs: wait until none is left
      while (runs.size) await Promise.allSettled([...runs]);
    },
    status: () => ({ running: !stopped, lastTickAt, jobsRun }),
  };
}

/** pg_cron's MarkPendingRunsAsFailed: runs left 'running' by a previous process never finish. */
async function markInterruptedRuns(sql: postgres.Sql) {
  await sql`
    update cron.job_run_details set status = 'failed', return_message = 'server restarted'
    where status in ('starting', 'running')`;
}

async function runInTransaction(conn: postgres.ReservedSql, job: JobRow, connectedAs: string) {
  await conn.unsafe("begin");
  try {
    // pg_cron connects as the job's user; a superuser session switching role is the closest match
    if (job.username !== connectedAs) {
      await conn.unsafe(`set local role ${quoteIdent(job.username)}`);
    }
    const result = await conn.unsafe(job.command);
    // the connection goes back to a shared pool: undo any session-level SET the command made
    await conn.unsafe("reset role; reset all");
    await conn.unsafe("commit");
    return describeResult(result);
  } catch (error) {
    await conn.unsafe("rollback").catch(() => {});
    throw error;
  }
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

type CommandResult = { command: string | null; count: number | null; columns: unknown[] | null };

/**
 * pg_cron's default (libpq) mode records the last statement's outcome: "N rows" when it returned
 * tuples, otherwise the command tag ("INSERT 0 1", "UPDATE 3", "CREATE TABLE").
 */
export function describeResult(result: unknown): string {
  // postgres.js gives one Result for a single statement, an array of Results for several
  const last =
    (result && typeof result === "object" && "command" in result
      ? result
      : (result as unknown[]).at(-1)) as CommandResult & unknown[];
  if (!last) return "";
  if (last.columns?.length) return `${last.length} ${last.length === 1 ? "row" : "rows"}`;
  if (!last.command) return "";
  if (last.command === "INSERT") return `INSERT 0 ${last.count ?? 0}`;
  return last.count === null ? last.command : `${last.command} ${last.count}`;
}

/** libpq's PQresultErrorMessage layout, which is what pg_cron stores for a failed run. */
export function errorMessage(error: unknown): string {
  const e = error as Partial<postgres.PostgresError> & Error;
  if (!e?.severity) return String(e?.message ?? error);
  let text = `${e.severity_local ?? e.severity}:  ${e.message}\n`;
  if (e.detail) text += `DETAIL:  ${e.detail}\n`;
  if (e.hint) text += `HINT:  ${e.hint}\n`;
  if (e.where) text += `CONTEXT:  ${e.where}\n`;
  return text;
}
