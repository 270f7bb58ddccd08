import { asService } from "../db.ts";
import { HttpError } from "../http.ts";

/**
 * The kinds of Graph call Meta limits separately per Instagram account (docs/meta-platform.md §2
 * "Rate limits"); the limits themselves are in `private.graph_call_limits`: per second, but private
 * replies per hour (§9 "Private Replies").
 */
export type GraphCallKind =
  | "send_text"
  | "send_audio_video"
  | "conversations"
  | "private_reply"
  | "insights";

/**
 * Asks the governor for one call of `kind` on the account, in its own short transaction so that
 * the row it locks is free again at once. 0: go now (counted); otherwise the milliseconds to wait.
 */
export async function takeGraphCall(accountId: string, kind: GraphCallKind): Promise<number> {
  const [row] = await asService((tx) =>
    tx<{ wait_ms: number }[]>`select private.take_graph_call(${accountId}, ${kind}) as wait_ms`
  );
  return row!.wait_ms;
}

/** For a person's request: over the limit is a 429 with `retry-after`, never a call to Meta. */
export async function requireGraphCall(accountId: string, kind: GraphCallKind) {
  const waitMs = await takeGraphCall(accountId, kind);
  if (waitMs === 0) return;
  throw new HttpError(
    429,
    "rate_limited",
    "Instagram allows no more messages from this account this second; try again shortly",
    { retry_after_ms: waitMs },
    {},
    { "retry-after": String(Math.ceil(waitMs / 1000)) },
  );
}

/** For background work (crons, sync): waits its turn, up to `maxWaitMs` in all, then gives up. */
export async function waitForGraphCall(
  accountId: string,
  kind: GraphCallKind,
  maxWaitMs = 30_000,
) {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const waitMs = await takeGraphCall(accountId, kind);
    if (waitMs === 0) return;
    if (Date.now() + waitMs > deadline) {
      throw new Error(`Graph ${kind} calls of account ${accountId} stayed over Meta's limit`);
    }
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}
