import { z } from "zod";
import { asService } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { requireServiceRole } from "../require-service.ts";
import { parseBody } from "../validate.ts";
import { analyzeJob } from "./analyze-job.ts";
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
    const jobs = await claimJobs(options.batchSize ?? 50);
    if (jobs.length === 0) break;
    for (const job of jobs) {
      try {
        const result = await analyzeJob(job.message_id, clock);
        outcome[result]++;
        // a message deleted meanwhile took its job with it (on delete cascade)
        if (result === "gone") await deleteJob(job.message_id);
      } catch (error) {
        outcome.failed++;
        console.error(`[ai] message ${job.message_id}:`, (error as Error)?.message ?? error);
        await failJob(job.message_id, error);
      }
    }
  }
  return outcome;
}

async function deleteJob(messageId: string) {
  await asService((tx) => tx`delete from public.ai_analysis_jobs where message_id = ${messageId}`);
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
