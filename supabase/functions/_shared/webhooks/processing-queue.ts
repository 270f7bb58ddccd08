import { afterResponse } from "../after-response.ts";
import { kickAiProcessing } from "../ai/kick.ts";
import { sendReleasedMessages } from "../automation/released-messages.ts";
import { fetchContactProfiles } from "./contact-profiles.ts";
import { createPace } from "./delivery-pace.ts";
import { type BatchOutcome, processBatch } from "./process-batch.ts";

/**
 * Deliveries this instance stored and processes after their 200s, in batches (process-batch.ts):
 * what arrives while a batch is applied waits for the next one, so a burst is processed in a few
 * large transactions instead of one per event, and a lone delivery at once. One batch at a time:
 * batches of one account wait for each other's lock anyway (account-lock.ts), so a second one only
 * split a backlog into smaller batches, each moving and broadcasting the same conversations again
 * (issue 12). The deliveries a failed batch takes one by one go beside the next batch, which starts
 * as soon as the failed one has rolled back. What waits here is already in the ledger: a restart
 * loses nothing (instagram-process-webhooks finishes it).
 */
const BATCHES_AT_ONCE = 1;
/**
 * Only a backlog fills a batch. The larger it is, the fewer times a conversation with several new
 * messages moves and is broadcast: at 250 the account's processing lagged Meta's pace (issue 12).
 * At about 0.3 ms a delivery, 1000 hold their conversations' rows for a third of a second.
 */
const MAX_BATCH = 1000;

/**
 * The pause before a delivery's 200 (delivery-pace.ts): up by 2 ms every 100 ms while more than a
 * batch waits, down by 1 ms while less than half of one does, 40 ms at most, so that the answers
 * stay well inside Meta's patience (issue 12: p99 under 100 ms at 64 deliveries at once).
 */
const pace = createPace({
  backlogLimit: MAX_BATCH,
  maxPauseMs: 40,
  intervalMs: 100,
  stepUpMs: 2,
  stepDownMs: 1,
});

/** How long to hold the answer to a delivery just stored: 0 unless processing is behind. */
export function answerPause(): number {
  return pace(waiting.length, performance.now());
}

interface Waiting {
  id: number;
  /** the body as stored: the batch need not read it back */
  rawBody: string;
  done: (work: Promise<unknown>) => void;
}

const waiting: Waiting[] = [];
let running = 0;

/**
 * Processes a stored delivery soon; the promise settles when it is processed, its contacts'
 * profiles fetched and the replies it released sent (EdgeRuntime.waitUntil keeps the worker for
 * it).
 */
export function processSoon(eventId: number, rawBody: string): Promise<unknown> {
  return new Promise((done) => {
    waiting.push({ id: eventId, rawBody, done });
    startBatches();
  });
}

function startBatches() {
  while (running < BATCHES_AT_ONCE && waiting.length > 0) {
    const batch = waiting.splice(0, MAX_BATCH);
    running++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      running--;
      startBatches();
    };
    const processed = processBatch(batch.map((item) => item.id), {
      applied: release,
      bodies: new Map(batch.map((item) => [item.id, item.rawBody])),
    });
    // the next batch does not wait for the profiles and the released replies
    const followed = processed.then(followUp);
    batch.forEach((item) => item.done(followed));
    processed.catch(() => {}).finally(release);
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
