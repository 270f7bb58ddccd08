import { asService, type Tx } from "../db.ts";
import type { GraphCallKind } from "../meta/rate-governor.ts";

/**
 * Slots from the rate governor for many sends of one run: the sends waiting on an account are
 * granted together by one private.take_graph_calls per round (waitForGraphCall asks once per
 * call), oldest first; what the second has no room for waits the milliseconds the governor says.
 * A send still waiting after `maxWaitMs` is refused (its promise rejects).
 */
export function governorSlots(kind: GraphCallKind, maxWaitMs: number) {
  const waiting = new Map<
    string,
    { resolve: () => void; reject: (error: Error) => void; deadline: number }[]
  >();

  async function pump(accountId: string, queue: NonNullable<ReturnType<typeof waiting.get>>) {
    try {
      while (queue.length) {
        const [row] = await asService((tx) =>
          tx<{ granted: number; wait_ms: number }[]>`
            select granted, wait_ms
            from private.take_graph_calls(${accountId}, ${kind}, ${queue.length})`
        );
        for (const call of queue.splice(0, row!.granted)) call.resolve();
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
    new Promise<void>((resolve, reject) => {
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

/**
 * Slots for calls about to be made, taken in the caller's transaction: up to `wanted` per account,
 * the accounts' rows locked in one order. Returns how many each account was granted; a call
 * without one waits for governorSlots. Rolled back with the transaction, so nothing is counted
 * for calls that will not be made.
 */
export async function takeSlots(
  tx: Tx,
  kind: GraphCallKind,
  wanted: Map<string, number>,
): Promise<Map<string, number>> {
  const rows = await tx<{ account: string; granted: number }[]>`
    select a.account::text, g.granted
    from (
      select * from unnest(${[...wanted.keys()]}::uuid[], ${[...wanted.values()]}::int[])
        as a (account, wanted)
      order by a.account
    ) a
    cross join lateral private.take_graph_calls(a.account, ${kind}, a.wanted) g`;
  return new Map(rows.map((row) => [row.account, row.granted]));
}
