import { asService } from "../db.ts";

/** A job is an inbound message's or a contact comment's analysis (one of the two). */
export interface AnalysisJob {
  id: string;
  message_id: string | null;
  comment_id: string | null;
  attempts: number;
}

/** A job whose analysis failed this many times waits for a person (last_error says why). */
export const MAX_ATTEMPTS = 5;
/** How long a claimed job is this run's: longer than an LLM call with its timeout. */
const LEASE = "2 minutes";

/**
 * Up to `limit` jobs, oldest first, under a lease: several runs (the cron, kicks from webhook
 * deliveries) may drain at once and never take the same job. A job whose run died is taken
 * again when its lease ends.
 */
export async function claimJobs(limit: number): Promise<AnalysisJob[]> {
  return await asService((tx) =>
    tx<AnalysisJob[]>`
      update public.ai_analysis_jobs j set locked_until = now() + ${LEASE}::interval,
        attempts = j.attempts + 1
      where j.id in (
        select id from public.ai_analysis_jobs
        where attempts < ${MAX_ATTEMPTS} and (locked_until is null or locked_until < now())
        order by enqueued_at limit ${limit}
        for update skip locked)
      returning j.id::text, j.message_id, j.comment_id, j.attempts`
  );
}

/** Records why a job failed; it is tried again after a back-off (1, 2, 4, 8 minutes). */
export async function failJob(jobId: string, error: unknown) {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  await asService((tx) =>
    tx`update public.ai_analysis_jobs set last_error = ${reason},
         locked_until = now() + make_interval(mins => power(2, greatest(attempts - 1, 0))::int)
       where id = ${jobId}::bigint`
  );
}
