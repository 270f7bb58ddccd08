import {
  metaErrorCode,
  NO_MESSAGE_ID_ERROR_CODE,
  TIMEOUT_ERROR_CODE,
  UNREACHABLE_ERROR_CODE,
} from "../../../../shared/src/rules/send-errors.ts";
import type { HUMAN_AGENT_TAG } from "../../../../shared/src/rules/messaging-window.ts";
import { asService, type Tx } from "../db.ts";
import { MetaApiError, MetaTimeoutError } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import {
  MissingMessageIdError,
  type SendingAccount,
  sendInstagramMessage,
} from "../meta/send-api.ts";
import { tokenCipher } from "../token-cipher.ts";
import { recordSendsAccepted } from "../webhooks/outbound-echo.ts";

/** A `pending` reply with what sending it needs: the recipient and the account's token. */
export interface QueuedReply extends SendingAccount {
  id: string;
  imo_id: string;
  channel_account_id: string;
  text: string | null;
  attachments: { type: string; url?: string }[];
  recipient_id: string;
  /** Meta's id of the comment a private reply answers (it is addressed by that, not the IGSID) */
  recipient_comment_id: string | null;
  access_token_encrypted: string | null;
}

/** Meta's 10 / 1893063: the account may not send for a while; it comes back by itself. */
const TEMPORARILY_RESTRICTED = { code: 10, subcode: 1893063 };

/**
 * One attempt at a `pending` reply: Meta is called once, and the row ends `sent` with Meta's mid
 * (through recordSendAccepted, so an echo that came first is adopted, not doubled) or `failed` with
 * Meta's code and message. Nothing here retries: Meta's 1/1357046 and a timeout may have sent the
 * message after all (docs/meta-platform.md §2 "Error codes"), and a retry is a person's decision.
 * The caller has checked the window and taken a slot from the rate governor.
 */
export async function deliverReply(messageId: string, tag?: typeof HUMAN_AGENT_TAG) {
  const [reply] = await loadQueuedReplies([messageId]);
  // another request finished it meanwhile (an echo, or a concurrent attempt)
  if (!reply) return;
  await deliverQueuedReply(reply, { tag });
}

/** The replies among `messageIds` still `pending`, in one query (a cron sends many at once). */
export async function loadQueuedReplies(messageIds: string[]): Promise<QueuedReply[]> {
  return await asService(async (tx) => [
    ...await tx<QueuedReply[]>`
      select m.id, m.imo_id, m.channel_account_id, m.text, m.attachments,
        k.external_id as recipient_id, pc.external_id as recipient_comment_id, a.auth_path::text,
        a.external_account_id, a.facebook_page_id, a.access_token_encrypted
      from public.messages m
      join public.conversations c on c.id = m.conversation_id
      join public.contacts k on k.id = c.contact_id
      join public.channel_accounts a on a.id = m.channel_account_id
      left join public.comments pc on pc.id = m.private_reply_to_comment_id
      where m.id = any(${messageIds}::uuid[]) and m.status = 'pending'`,
  ]);
}

/** Meta took `reply` and named it `mid`. */
export interface AcceptedReply {
  reply: QueuedReply;
  mid: string;
}

export interface DeliveryOptions {
  tag?: typeof HUMAN_AGENT_TAG;
  /** how Meta's answer is stored: recordAccepted by default; a pass batches many (coalesce) */
  record?: (accepted: AcceptedReply) => Promise<void>;
  /** the account's token from its ciphertext: decryptToken by default; a pass keeps each one's */
  token?: (ciphertext: string) => Promise<string>;
}

/** The token of an account from the ciphertext it is stored as. */
export async function decryptToken(ciphertext: string): Promise<string> {
  return await (await tokenCipher()).decrypt(ciphertext);
}

/** deliverReply once the reply is loaded: the call to Meta and the outcome it leaves. */
export async function deliverQueuedReply(
  reply: QueuedReply,
  {
    tag,
    record = (accepted) => recordAccepted([accepted]),
    token: tokenOf = decryptToken,
  }: DeliveryOptions = {},
): Promise<"sent" | "failed"> {
  const messageId = reply.id;
  if (!reply.access_token_encrypted) {
    await recordFailure(messageId, "not_connected", "The account has no token; reconnect it");
    return "failed";
  }
  let token: string;
  try {
    token = await tokenOf(reply.access_token_encrypted);
  } catch (error) {
    // a key missing from the function secrets: nothing was sent, and the row must not hang pending
    await recordFailure(messageId, "token_unreadable", "The account's token cannot be read");
    throw error;
  }
  try {
    const mid = await sendInstagramMessage(metaConfig(), reply, token, {
      recipientId: reply.recipient_id,
      recipientCommentId: reply.recipient_comment_id,
      text: reply.text,
      imageUrl: reply.attachments[0]?.url ?? null,
      tag,
    });
    await record({ reply, mid });
    return "sent";
  } catch (error) {
    if (error instanceof MissingMessageIdError) {
      await recordFailure(messageId, NO_MESSAGE_ID_ERROR_CODE, error.message);
      return "failed";
    }
    if (!(error instanceof MetaApiError)) throw error;
    await recordFailure(messageId, errorCodeOf(error), error.message);
    await asService((tx) => markAccountIfBroken(tx, reply.channel_account_id, error));
    console.warn(`[send] message ${messageId}: Meta ${error.kind} ${errorCodeOf(error)}`);
    return "failed";
  }
}

/**
 * Meta's answers stored in one transaction, however many: each reply `sent` with its mid (the
 * echo handshake, recordSendsAccepted) and counted as sent, once per IMO.
 */
export async function recordAccepted(accepted: AcceptedReply[]) {
  await asService(async (tx) => {
    await recordSendsAccepted(
      tx,
      accepted.map(({ reply, mid }) => ({
        messageId: reply.id,
        accountId: reply.channel_account_id,
        mid,
      })),
    );
    // the counter is one row per IMO and day that every send writes: last, and in one order
    await tx`
      select private.increment_usage(sent.imo_id, 'messages_sent', sent.n) from (
        select imo_id, count(*) as n from unnest(${
      accepted.map(({ reply }) => reply.imo_id)
    }::uuid[]) as imo_id
        group by imo_id order by imo_id
      ) sent`;
  });
}

function errorCodeOf(error: MetaApiError): string {
  if (error instanceof MetaTimeoutError) return TIMEOUT_ERROR_CODE;
  if (error.status === 0) return UNREACHABLE_ERROR_CODE;
  return metaErrorCode(error.code, error.subcode, error.status);
}

/**
 * `failed`, unless an echo claimed the row first (Meta sent it after all, the 1/1357046 case), which
 * stays `sent`.
 */
async function recordFailure(messageId: string, code: string, message: string) {
  await asService((tx) =>
    tx`update public.messages set status = 'failed', error_code = ${code},
         error_message = ${message}
       where id = ${messageId} and status = 'pending' and external_id is null`
  );
}

/**
 * A token Meta no longer takes (190/102) leaves the account `expired`, a permission it lacks (10,
 * 200-299) `error`: either way someone must reconnect it, and the account page says why. A 5xx, a
 * timeout, a rate limit, a closed window or a temporary restriction is not the account's fault
 * and changes nothing here.
 */
async function markAccountIfBroken(tx: Tx, accountId: string, error: MetaApiError) {
  const restricted = error.code === TEMPORARILY_RESTRICTED.code &&
    error.subcode === TEMPORARILY_RESTRICTED.subcode;
  const status = error.kind === "token_invalid"
    ? "expired"
    : error.kind === "permission" && !restricted
    ? "error"
    : null;
  if (!status) return;
  await tx`
    update public.channel_accounts set status = ${status}, status_reason = ${error.message},
      last_error = ${`send failed: ${error.message}`}, last_error_at = now()
    where id = ${accountId} and status = 'connected'`;
}
