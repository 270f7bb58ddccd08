import { processScheduledRequestSchema } from "../../../../shared/src/contracts/scheduled-messages.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { requireServiceRole } from "../require-service.ts";
import { parseBody } from "../validate.ts";
import { claimDue, type ClaimedRow, type ProcessScope } from "./claim-due.ts";
import { scheduledSender, type SendOutcome } from "./send-scheduled.ts";

export interface ProcessOptions extends ProcessScope {
  /** the time the rules are judged at; tests pass their own, a run reads the real time */
  clock?: () => Date;
  /** rows claimed at a time */
  batchSize?: number;
  /** conversations sent to side by side (one conversation's messages go in order) */
  concurrency?: number;
  /** no new claims after this long; what is claimed is finished */
  budgetMs?: number;
}

/** Rows claimed, how each ended, and `errors`: rows an unexpected error left for a later run. */
export type ProcessOutcome = Record<SendOutcome, number> & { claimed: number; errors: number };

/**
 * One pass over the due scheduled messages: claims a batch under a lease, sends each
 * conversation's messages in order while other conversations go side by side, claims again when
 * the batch runs dry, and stops when nothing is due or the time budget is spent. Several passes
 * may run at once (crons, the webhook's pass, a call on demand): each row is claimed by one, and
 * its message is stored once under its key, so none is sent twice.
 */
export async function processDueMessages(options: ProcessOptions = {}): Promise<ProcessOutcome> {
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 32;
  const deadline = performance.now() + (options.budgetMs ?? 45_000);
  const scope = {
    conversationIds: options.conversationIds,
    contactIds: options.contactIds,
    releasedOnly: options.releasedOnly,
  };
  const outcome: ProcessOutcome = {
    claimed: 0,
    sent: 0,
    failed: 0,
    expired: 0,
    cancelled: 0,
    skipped: 0,
    errors: 0,
  };
  const { send, settled } = scheduledSender(clock);

  // conversations with claimed rows left, in the order they became ready; a conversation a worker
  // is on keeps its rows here, so a later claim of the same conversation joins the same worker
  const pending = new Map<string, ClaimedRow[]>();
  const ready: string[] = [];
  let exhausted = false;
  let claiming: Promise<void> | null = null;

  async function claim() {
    if (performance.now() > deadline) {
      exhausted = true;
      return;
    }
    const rows = await claimDue(clock(), scope, batchSize);
    if (rows.length < batchSize) exhausted = true;
    outcome.claimed += rows.length;
    for (const row of rows) {
      const queued = pending.get(row.conversation_id);
      if (queued) queued.push(row);
      else {
        pending.set(row.conversation_id, [row]);
        ready.push(row.conversation_id);
      }
    }
  }

  async function worker() {
    for (;;) {
      while (ready.length === 0 && !exhausted) {
        claiming ??= claim().finally(() => claiming = null);
        await claiming;
      }
      const conversationId = ready.shift();
      if (conversationId === undefined) return;
      const rows = pending.get(conversationId)!;
      for (let row = rows.shift(); row; row = rows.shift()) {
        try {
          outcome[await send(row)]++;
        } catch (error) {
          // the row keeps its lease and is taken again when it runs out; the others go on
          outcome.errors++;
          console.error(`[process-scheduled] ${row.id}: ${(error as Error)?.message ?? error}`);
        }
      }
      pending.delete(conversationId);
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  const unrecorded = await settled();
  outcome.sent -= unrecorded;
  outcome.errors += unrecorded;
  return outcome;
}

/**
 * instagram-process-scheduled (pg_cron every minute, or on demand with the service role key):
 * one pass, over every conversation or the ones named in `conversation_ids`.
 */
export function createProcessScheduledHandler() {
  return endpoint("POST", async (request) => {
    await requireServiceRole(request);
    const body = await parseBody(request, processScheduledRequestSchema);
    return json(await processDueMessages({ conversationIds: body.conversation_ids }));
  });
}
