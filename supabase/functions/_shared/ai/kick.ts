import { env } from "../env.ts";

let running: Promise<void> | null = null;
let again = false;

/**
 * Asks ai-process-messages to drain the analysis queue now, instead of at the next minute's cron:
 * called after a webhook delivery that stored a contact's message. The analysis runs in that
 * function (its own worker on Supabase, with the NLP model loaded there), never in the webhook's.
 * Calls coalesce: while one is running, later kicks only ask for one more run after it, so a burst
 * of deliveries costs two calls, not one per message. Failures are the cron's to make up.
 */
export function kickAiProcessing(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        const { SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY } = env();
        const response = await fetch(`${SUPABASE_URL}/functions/v1/ai-process-messages`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${SUPABASE_SERVICE_ROLE_KEY}`,
            "content-type": "application/json",
          },
          body: "{}",
        });
        await response.body?.cancel();
      } while (again);
    } catch (error) {
      console.warn("[ai] kick failed; the cron will drain:", (error as Error)?.message ?? error);
    } finally {
      running = null;
    }
  })();
  return running;
}
