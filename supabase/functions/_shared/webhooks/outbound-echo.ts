import type { Tx } from "../db.ts";
import { describeMessage } from "./message-mapping.ts";
import { applyParked, lockMid, type Thread } from "./parked-events.ts";
import type { MetaMessage } from "./payload.ts";

/** A person replying from the Instagram app takes the conversation over from the AI for this long. */
const TAKEOVER_LEASE = "30 minutes";
/**
 * How long before its echo a queued reply may have been written and still be the one echoed: a
 * send calls Meta as soon as it queues, and Meta echoes within seconds (a redelivered echo keeps
 * its first timestamp). The minute after allows for the two clocks.
 */
const ECHO_MATCH_WINDOW = "15 minutes";

/**
 * An echo is Meta telling us a message left the account (docs/meta-platform.md §3 "ID
 * directions"). In order:
 *   1. the send already stored Meta's mid: that row is `sent`;
 *   2. the echo outran the Send API's answer: the reply queued without a mid in this conversation,
 *      with the same content, written shortly before, takes the mid and is `sent`;
 *   3. no reply of ours: it was typed in the Instagram app, stored as its own `native_app`
 *      message, a human reply that takes the conversation over from the AI.
 * Serialised per mid with recordSendAccepted, so an echo and the send's answer never both claim.
 */
export async function applyEcho(tx: Tx, thread: Thread, message: MetaMessage) {
  await lockMid(tx, thread.account.id, message.mid);
  // a redelivered echo of a message already `sent` (or further) writes nothing
  const [known] = await tx<{ id: string }[]>`
    with known as (
      select id, status from public.messages
      where channel_account_id = ${thread.account.id} and external_id = ${message.mid}
    ), sent as (
      update public.messages m set status = 'sent' from known
      where m.id = known.id and known.status in ('pending', 'failed')
    )
    select id from known`;
  if (known) return;

  const described = describeMessage(message);
  const [claimed] = await tx<{ id: string }[]>`
    update public.messages set external_id = ${message.mid}, status = 'sent', error_code = null,
      error_message = null
    where id = (
      select id from public.messages
      where conversation_id = ${thread.conversationId} and direction = 'outbound'
        and author_kind <> 'native_app' and external_id is null and status in ('pending', 'failed')
        and type = ${described.type} and text is not distinct from ${described.text}
        and sent_at between ${thread.at}::timestamptz - ${ECHO_MATCH_WINDOW}::interval
          and ${thread.at}::timestamptz + interval '1 minute'
      order by sent_at, id limit 1
      for update skip locked)
    returning id`;
  if (claimed) {
    await applyParked(tx, thread.account.id, message.mid);
    return;
  }

  const [inserted] = await tx<{ id: string }[]>`
    insert into public.messages (
      imo_id, channel_account_id, conversation_id, external_id, direction, author_kind, type, text, attachments,
      reply_to_external_id, reply_to_message_id, status, sent_at
    ) values (
      ${thread.account.imo_id}, ${thread.account.id}, ${thread.conversationId}, ${message.mid}, 'outbound', 'native_app',
      ${described.type}, ${described.text}, ${
    tx.json(described.attachments as never)
  }, ${described.replyToExternalId},
      (select id from public.messages where channel_account_id = ${thread.account.id}
         and conversation_id = ${thread.conversationId} and external_id = ${described.replyToExternalId}),
      'sent', ${thread.at}
    )
    on conflict (channel_account_id, external_id) do nothing
    returning id`;
  if (!inserted) return;
  await tx`
    update public.conversations set ai_takeover_until = greatest(ai_takeover_until, ${thread.at}::timestamptz + ${TAKEOVER_LEASE}::interval),
      ai_takeover_by = null
    where id = ${thread.conversationId} and ai_mode <> 'off'`;
  await applyParked(tx, thread.account.id, message.mid);
}

export type SendRecord =
  /** the reply now carries the mid and is `sent` */
  | "recorded"
  /** its echo had already matched it (applyEcho, step 2) */
  | "already_matched"
  /** its echo came first and matched nothing: that row is folded into the reply */
  | "merged_echo"
  /** an echo of identical content typed in the app took this reply first; both stay `sent` */
  | "matched_another_echo";

/**
 * The send path's half of the echo handshake: Meta answered the Send API with `mid` for the queued
 * reply `messageId`. Whichever of the answer and the echo comes first, the reply ends `sent` with
 * the mid and the thread holds it once: an echo stored as a `native_app` message meanwhile (its
 * content did not match, step 3 of applyEcho) is folded into the reply, keeping what the contact
 * did to it since (read, reactions, replies to it).
 */
export async function recordSendAccepted(
  tx: Tx,
  messageId: string,
  mid: string,
): Promise<SendRecord> {
  const [account] = await tx<{ channel_account_id: string }[]>`
    select channel_account_id from public.messages where id = ${messageId} and direction = 'outbound'`;
  if (!account) throw new Error(`no outbound message ${messageId}`);
  await lockMid(tx, account.channel_account_id, mid);
  const [reply] = await tx<{ conversation_id: string; external_id: string | null }[]>`
    select conversation_id, external_id from public.messages where id = ${messageId} for update`;
  if (reply!.external_id === mid) {
    await tx`update public.messages set status = 'sent'
      where id = ${messageId} and status in ('pending', 'failed')`;
    return "already_matched";
  }
  if (reply!.external_id !== null) return "matched_another_echo";

  const [echo] = await tx<
    {
      id: string;
      status: string;
      delivered_at: Date | null;
      read_at: Date | null;
      reactions: unknown[];
    }[]
  >`
    select id, status, delivered_at, read_at, reactions from public.messages
    where channel_account_id = ${account.channel_account_id} and external_id = ${mid}
      and conversation_id = ${reply!.conversation_id} and author_kind = 'native_app'`;
  if (echo) {
    await tx`update public.messages set reply_to_message_id = ${messageId}
      where reply_to_message_id = ${echo.id}`;
    await tx`delete from public.messages where id = ${echo.id}`;
  }
  await tx`
    update public.messages set external_id = ${mid},
      status = ${
    echo && ["delivered", "read"].includes(echo.status) ? echo.status : "sent"
  }::public.message_status,
      delivered_at = coalesce(delivered_at, ${echo?.delivered_at ?? null}),
      read_at = coalesce(read_at, ${echo?.read_at ?? null}),
      reactions = ${
    tx.json((echo?.reactions ?? []) as never)
  }, error_code = null, error_message = null
    where id = ${messageId}`;
  if (echo) return "merged_echo";
  // reactions or reads that arrived before both the echo and the answer
  await applyParked(tx, account.channel_account_id, mid);
  return "recorded";
}
