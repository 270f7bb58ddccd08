import type { SendMessageResponse } from "../../../../shared/src/contracts/send-message.ts";
import type { Claims } from "../auth.ts";
import { asService, withUser } from "../db.ts";
import { json } from "../http.ts";
import { getThreadMessage } from "../inbox/message-list.ts";

/** Longer than one Graph call may take (graph-client's 10 s timeout), so an attempt in flight ends. */
const SETTLE_WAIT_MS = 12_000;
const SETTLE_POLL_MS = 100;

/** The message as the thread shows it, read as the caller. */
export async function answerWithMessage(
  claims: Claims,
  messageId: string,
  replayed: boolean,
): Promise<SendMessageResponse> {
  const message = await withUser(claims, (tx) => getThreadMessage(tx, messageId));
  return { message: message!, replayed };
}

/**
 * A repeated request finds its message perhaps still `pending` while the first request waits for
 * Meta: it waits for that attempt's outcome (bounded), so both answer with the same message.
 */
export async function awaitSettled(messageId: string) {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  while (Date.now() < deadline) {
    const [row] = await asService((tx) =>
      tx<{ status: string }[]>`select status from public.messages where id = ${messageId}`
    );
    if (row?.status !== "pending") return;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
}

/** The answer to a request that found its message already handled: no new call to Meta. */
export async function replay(claims: Claims, messageId: string): Promise<Response> {
  await awaitSettled(messageId);
  return json(await answerWithMessage(claims, messageId, true));
}
