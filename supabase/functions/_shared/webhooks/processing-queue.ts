import { afterResponse } from "../after-response.ts";
import { kickAiProcessing } from "../ai/kick.ts";
import { sendReleasedMessages } from "../automation/released-messages.ts";
import { fetchContactProfiles } from "./contact-profiles.ts";
import { type BatchOutcome, processBatch } from "./process-batch.ts";

/**
 * Deliveries this instance stored and processes after their 200s, in batches (process-batch.ts):
 * what arrives while the batches are applied waits for the next one, so a burst is processed in a
 * few large transactions instead of one per event, and a lone delivery at once. Two batches run
 * at a time, so that one that has to go delivery by delivery does not hold back the rest, and the
 * pool stays free for the ledger inserts the 200s wait for. What waits here is already in the
 * ledger: a restart loses nothing (instagram-process-webhooks finishes it).
 */
const BATCHES_AT_ONCE = 2;
/**
 * Only a backlog fills a batch. The larger it is, the fewer times a conversation with several new
 * messages moves and is broadcast: at 250 the account's processing lagged Meta's pace (issue 12).
 * At about 0.3 ms a delivery, 1000 hold their conversations' rows for a third of a second.
 */
const MAX_BATCH = 1000;

interface Waiting {
  id: number;
  done: (work: Promise<unknown>) => void;
}

const waiting: Waiting[] = [];
let running = 0;

/**
 * Processes a stored delivery soon; the promise settles when it is processed, its contacts'
 * profiles fetched and the replies it released sent (EdgeRuntime.waitUntil keeps the worker for
 * it).
 */
export function processSoon(eventId: number): Promise<unknown> {
  return new Promise((done) => {
    waiting.push({ id: eventId, done });
    startBatches();
  });
}

function startBatches() {
  while (running < BATCHES_AT_ONCE && waiting.length > 0) {
    const batch = waiting.splice(0, MAX_BATCH);
    running++;
    const processed = processBatch(batch.map((item) => item.id));
    // the next batch does not wait for the profiles and the released replies
    const followed = processed.then(followUp);
    batch.forEach((item) => item.done(followed));
    processed.catch(() => {}).finally(() => {
      running--;
      startBatches();
    });
  }
}

/**
 * After the batch: the AI's analysis of the contact's messages and comments (in its own function,
 * ai/kick.ts),
 * the new contacts' profiles, and the replies their messages released.
 */
async function followUp(outcome: BatchOutcome) {
  if (outcome.events && (outcome.releasingContactIds.length || outcome.comments)) {
    afterResponse(kickAiProcessing());
  }
  await Promise.all([
    outcome.contactIds.length ? fetchContactProfiles(outcome.contactIds) : null,
    sendReleasedMessages(outcome.releasingContactIds),
  ]);
}
