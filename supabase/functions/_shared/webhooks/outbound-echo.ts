import type { Tx } from "../db.ts";
import { describeMessage } from "./message-mapping.ts";
import { applyParked, applyParkedMany, lockMid, lockMids, type Thread } from "./parked-events.ts";
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

/** Meta answered the Send API with `mid` for the queued reply `messageId`. */
export interface AcceptedSend {
  messageId: string;
  /** the reply's channel account (a message's never changes), whose mids are locked */
  accountId: string;
  mid: string;
}

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
  const [record] = await recordSendsAccepted(tx, [
    { messageId, accountId: account.channel_account_id, mid },
  ]);
  return record!;
}

/**
 * recordSendAccepted for many answers in the caller's transaction, in a few statements whatever
 * their number (a pass of the scheduler records its sends together): the mids are locked in one
 * statement, then the replies in id order, and the replies no echo reached first (nearly all) are
 * written by one update. One record per send, in order.
 */
export async function recordSendsAccepted(
  tx: Tx,
  sends: AcceptedSend[],
): Promise<SendRecord[]> {
  if (new Set(sends.map((send) => send.messageId)).size < sends.length) {
    // two answers for one reply (two attempts at once): the second finds the first's mid
    const records: SendRecord[] = [];
    for (const send of sends) records.push(...await recordSendsAccepted(tx, [send]));
    return records;
  }
  await lockMids(tx, sends);
  const replies = new Map(
    (await tx<
      { id: string; conversation_id: string; external_id: string | null; echo_id: string | null }[]
    >`
      select m.id, m.conversation_id, m.external_id, e.id as echo_id
      from jsonb_to_recordset(${
      tx.json(sends.map((send) => ({
        message_id: send.messageId,
        account_id: send.accountId,
        mid: send.mid,
      })))
    }) as i (message_id uuid, account_id uuid, mid text)
      join public.messages m on m.id = i.message_id and m.channel_account_id = i.account_id
        and m.direction = 'outbound'
      left join public.messages e on e.channel_account_id = m.channel_account_id
        and e.external_id = i.mid and e.conversation_id = m.conversation_id
        and e.author_kind = 'native_app'
      order by m.id
      for update of m`).map((row) => [row.id, row]),
  );
  const unknown = sends.find((send) => !replies.has(send.messageId));
  if (unknown) throw new Error(`no outbound message ${unknown.messageId} of its account`);

  const records: SendRecord[] = [];
  const recorded: AcceptedSend[] = [];
  for (const send of sends) {
    const reply = replies.get(send.messageId)!;
    if (reply.external_id === send.mid) {
      await tx`update public.messages set status = 'sent'
        where id = ${send.messageId} and status in ('pending', 'failed')`;
      records.push("already_matched");
    } else if (reply.external_id !== null) records.push("matched_another_echo");
    else if (reply.echo_id !== null) {
      await foldEcho(tx, send, reply.echo_id);
      records.push("merged_echo");
    } else {
      recorded.push(send);
      records.push("recorded");
    }
  }
  if (recorded.length) {
    await tx`
      update public.messages m set external_id = i.mid, status = 'sent', reactions = '[]'::jsonb,
        error_code = null, error_message = null
      from jsonb_to_recordset(${
      tx.json(recorded.map((send) => ({ message_id: send.messageId, mid: send.mid })))
    }) as i (message_id uuid, mid text)
      where m.id = i.message_id`;
    // reactions or reads that arrived before both the echo and the answer
    await applyParkedMany(tx, recorded);
  }
  return records;
}

/** The echo stored as a `native_app` message before the answer becomes the reply itself. */
async function foldEcho(tx: Tx, send: AcceptedSend, echoId: string) {
  const [echo] = await tx<
    { status: string; delivered_at: Date | null; read_at: Date | null; reactions: unknown[] }[]
  >`
    select status, delivered_at, read_at, reactions from public.messages where id = ${echoId}`;
  await tx`update public.messages set reply_to_message_id = ${send.messageId}
    where reply_to_message_id = ${echoId}`;
  await tx`delete from public.messages where id = ${echoId}`;
  await tx`
    update public.messages set external_id = ${send.mid},
      status = ${
    ["delivered", "read"].includes(echo!.status) ? echo!.status : "sent"
  }::public.message_status,
      delivered_at = coalesce(delivered_at, ${echo!.delivered_at}),
      read_at = coalesce(read_at, ${echo!.read_at}),
      reactions = ${tx.json(echo!.reactions as never)}, error_code = null, error_message = null
    where id = ${send.messageId}`;
}
