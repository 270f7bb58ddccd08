import { z } from "zod";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { requireServiceRole } from "../require-service.ts";
import { parseBody } from "../validate.ts";
import { analyzeCommentJobs } from "./analyze-comments.ts";
import { analyzeJobs, type BatchOutcome } from "./analyze-job.ts";
import { type AnalysisJob, claimJobs, failJob } from "./analysis-jobs.ts";

export interface DrainOptions {
  /** the time the reply rules are judged at; tests pass their own */
  clock?: () => Date;
  /** no new claims after this long */
  budgetMs?: number;
  batchSize?: number;
}

/**
 * Analyses the waiting inbound messages and contact comments until none is left or the budget
 * is spent. Jobs of one batch run one after another: offline analysis is CPU-bound (a thousand a
 * second on one core), and an LLM's answer is awaited per message within its timeout.
 */
export async function drainAnalysisJobs(options: DrainOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const deadline = performance.now() + (options.budgetMs ?? 45_000);
  const outcome = { analysed: 0, gone: 0, failed: 0 };
  while (performance.now() < deadline) {
    const jobs = await claimJobs(options.batchSize ?? 100);
    if (jobs.length === 0) break;
    await runBatch(
      jobs.filter((job) => job.message_id),
      (job) => job.message_id!,
      (ids) => analyzeJobs(ids, clock),
      outcome,
    );
    await runBatch(
      jobs.filter((job) => job.comment_id),
      (job) => job.comment_id!,
      analyzeCommentJobs,
      outcome,
    );
  }
  return outcome;
}

/**
 * One kind of job of a claimed batch, in one go; when that fails (its transaction rolled back),
 * each job again on its own, so one bad message or comment waits alone (failJob's back-off) and
 * the others go on.
 */
async function runBatch(
  jobs: AnalysisJob[],
  subject: (job: AnalysisJob) => string,
  analyze: (ids: string[]) => Promise<BatchOutcome>,
  outcome: { analysed: number; gone: number; failed: number },
) {
  if (jobs.length === 0) return;
  try {
    const done = await analyze(jobs.map(subject));
    outcome.analysed += done.analysed;
    outcome.gone += done.gone;
  } catch (error) {
    for (const job of jobs) {
      try {
        const done = await analyze([subject(job)]);
        outcome.analysed += done.analysed;
      } catch (single) {
        outcome.failed++;
        console.error(`[ai] ${subject(job)}:`, (single as Error)?.message ?? single);
        await failJob(job.id, single);
      }
    }
    console.warn("[ai] a batch failed and was retried one by one:", (error as Error)?.message);
  }
}

/**
 * ai-process-messages (pg_cron every minute, and kicked by the webhook after a delivery with a
 * contact's message): drains the analysis queue (messages and comments). Service role only.
 */
export function createAiProcessHandler() {
  return endpoint("POST", async (request) => {
    await requireServiceRole(request);
    await parseBody(request, z.object({}).loose());
    return json(await drainAnalysisJobs());
  });
}
