import { z } from "zod";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { requireServiceRole } from "../require-service.ts";
import { parseBody } from "../validate.ts";
import { analyzeJobs } from "./analyze-job.ts";
import { claimJobs, failJob } from "./analysis-jobs.ts";

export interface DrainOptions {
  /** the time the reply rules are judged at; tests pass their own */
  clock?: () => Date;
  /** no new claims after this long */
  budgetMs?: number;
  batchSize?: number;
}

/**
 * Analyses the waiting inbound messages until none is left or the budget is spent. Jobs of one
 * batch run one after another: offline analysis is CPU-bound (a thousand a second on one core),
 * and an LLM's answer is awaited per message within its timeout.
 */
export async function drainAnalysisJobs(options: DrainOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const deadline = performance.now() + (options.budgetMs ?? 45_000);
  const outcome = { analysed: 0, gone: 0, failed: 0 };
  while (performance.now() < deadline) {
    const jobs = await claimJobs(options.batchSize ?? 100);
    if (jobs.length === 0) break;
    const ids = jobs.map((job) => job.message_id);
    try {
      const done = await analyzeJobs(ids, clock);
      outcome.analysed += done.analysed;
      outcome.gone += done.gone;
    } catch (error) {
      // the batch's transaction rolled back: each job again on its own, so one bad message
      // waits alone (failJob's back-off) and the others go on
      for (const id of ids) {
        try {
          const done = await analyzeJobs([id], clock);
          outcome.analysed += done.analysed;
        } catch (single) {
          outcome.failed++;
          console.error(`[ai] message ${id}:`, (single as Error)?.message ?? single);
          await failJob(id, single);
        }
      }
      console.warn("[ai] a batch failed and was retried one by one:", (error as Error)?.message);
    }
  }
  return outcome;
}

/**
 * ai-process-messages (pg_cron every minute, and kicked by the webhook after a delivery with a
 * contact's message): drains the analysis queue. Service role only.
 */
export function createAiProcessHandler() {
  return endpoint("POST", async (request) => {
    await requireServiceRole(request);
    await parseBody(request, z.object({}).loose());
    return json(await drainAnalysisJobs());
  });
}
