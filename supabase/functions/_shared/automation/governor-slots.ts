import { asService } from "../db.ts";
import type { GraphCallKind } from "../meta/rate-governor.ts";

/**
 * Slots from the rate governor for many sends of one run: the sends waiting on an account are
 * granted together by one private.take_graph_calls per round (waitForGraphCall asks once per
 * call), oldest first; what the second has no room for waits the milliseconds the governor says.
 * A send still waiting after `maxWaitMs` is refused (its promise rejects); one granted resolves
 * with whether it had to wait (a round after the first).
 */
export function governorSlots(kind: GraphCallKind, maxWaitMs: number) {
  const waiting = new Map<
    string,
    { resolve: (waited: boolean) => void; reject: (error: Error) => void; deadline: number }[]
  >();

  async function pump(accountId: string, queue: NonNullable<ReturnType<typeof waiting.get>>) {
    try {
      for (let waited = false; queue.length; waited = true) {
        const [row] = await asService((tx) =>
          tx<{ granted: number; wait_ms: number }[]>`
            select granted, wait_ms
            from private.take_graph_calls(${accountId}, ${kind}, ${queue.length})`
        );
        for (const call of queue.splice(0, row!.granted)) call.resolve(waited);
        if (!queue.length) break;
        const retryAt = Date.now() + row!.wait_ms;
        for (const call of queue.filter((call) => call.deadline < retryAt)) {
          queue.splice(queue.indexOf(call), 1);
          call.reject(
            new Error(`Graph ${kind} calls of account ${accountId} stayed over Meta's limit`),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, row!.wait_ms));
      }
    } catch (error) {
      for (const call of queue.splice(0)) call.reject(error as Error);
    } finally {
      waiting.delete(accountId);
    }
  }

  return (accountId: string) =>
    new Promise<boolean>((resolve, reject) => {
      const call = { resolve, reject, deadline: Date.now() + maxWaitMs };
      const queue = waiting.get(accountId);
      if (queue) {
        queue.push(call);
        return;
      }
      const fresh = [call];
      waiting.set(accountId, fresh);
      // the sends of this turn of the event loop ask together
      queueMicrotask(() => void pump(accountId, fresh));
    });
}
