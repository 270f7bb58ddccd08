import { afterCommentChanges } from "../comments/after-comments.ts";
import { asService } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { requireServiceRole } from "../require-service.ts";
import { fetchContactProfiles } from "./contact-profiles.ts";
import { replayDueEventFailures } from "./event-failures.ts";
import { processBatch } from "./process-batch.ts";

const MAX_ATTEMPTS = 10;
/** deliveries processed together (process-batch.ts) */
const BATCH = 100;

/**
 * instagram-process-webhooks (cron, every minute): finishes what the ledger holds unprocessed:
 * deliveries received but never processed (the function died after storing them), failed ones
 * (up to MAX_ATTEMPTS) and ones stuck in processing. Then the events that failed on their own
 * and are due again (webhook_event_failures), and the contact profiles that failed.
 */
export function createDrainHandler() {
  return endpoint("POST", async (request) => {
    await requireServiceRole(request);
    const ids = await asService((tx) =>
      tx<{ id: string }[]>`
        select id from public.webhook_events
        where (status in ('received', 'failed') and attempts < ${MAX_ATTEMPTS}
               and received_at < now() - interval '5 seconds')
           or (status = 'processing' and processing_started_at < now() - interval '2 minutes')
        order by received_at limit 500`
    );
    const outcome = {
      processed: 0,
      failed: 0,
      events: { replayed: 0, failed: 0 },
      profiles: { fetched: 0, failed: 0 },
      comments: {},
    };
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = await processBatch(ids.slice(i, i + BATCH).map(({ id }) => Number(id)));
      outcome.processed += batch.processed;
      outcome.failed += batch.failed;
    }
    outcome.events = await replayDueEventFailures();
    outcome.profiles = await fetchContactProfiles();
    outcome.comments = await afterCommentChanges();
    return json(outcome);
  });
}
