import {
  processPublicationsRequestSchema,
  type ProcessPublicationsResponse,
} from "../../../../shared/src/contracts/publishing.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { requireServiceRole } from "../require-service.ts";
import { parseBody } from "../validate.ts";
import {
  claimDuePublications,
  failInterruptedPublications,
  type PublishOptions,
  runPublication,
} from "./publish.ts";

export interface ProcessPublicationsOptions extends PublishOptions {
  /** the time "due" is judged at; tests pass their own, a run reads the real time */
  clock?: () => Date;
  /** only these publications (a test's own, or a call on demand) */
  ids?: string[];
  batchSize?: number;
  /** publications sent side by side */
  concurrency?: number;
  /** no new claims after this long; what is claimed is finished */
  budgetMs?: number;
}

/**
 * One pass over the scheduled publications that are due: runs that stopped half way are marked
 * failed first, then batches are claimed (each row once, whatever else runs) and sent, until none
 * is due or the time budget is spent.
 */
export async function processDuePublications(
  options: ProcessPublicationsOptions = {},
): Promise<ProcessPublicationsResponse> {
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 20;
  const concurrency = options.concurrency ?? 4;
  const deadline = performance.now() + (options.budgetMs ?? 40_000);
  const outcome = {
    claimed: 0,
    published: 0,
    failed: 0,
    interrupted: await failInterruptedPublications(clock(), options.ids),
  };
  while (performance.now() < deadline) {
    const batch = await claimDuePublications(clock(), batchSize, options.ids);
    outcome.claimed += batch.length;
    const queue = [...batch];
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        outcome[await runPublication(next, options)]++;
      }
    }));
    if (batch.length < batchSize) break;
  }
  return outcome;
}

/** publishing-process-scheduled (pg_cron every minute, or on demand with the service role key). */
export function createProcessPublicationsHandler() {
  return endpoint("POST", async (request) => {
    await requireServiceRole(request);
    const body = await parseBody(request, processPublicationsRequestSchema);
    return json(await processDuePublications({ ids: body.ids }));
  });
}
