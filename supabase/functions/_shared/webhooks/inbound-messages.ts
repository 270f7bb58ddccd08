import type { Tx } from "../db.ts";
import type { AccountMid } from "./parked-events.ts";

/** A message from the contact as we store it (a message or a postback). */
export interface InboundMessage {
  mid: string;
  type: string;
  text: string | null;
  attachments?: unknown[];
  replyToExternalId?: string | null;
  replyToStory?: unknown;
  quickReplyPayload?: string | null;
  postbackPayload: string | null;
}

/** An inbound message and where it goes. */
export interface InboundRow extends InboundMessage {
  imoId: string;
  accountId: string;
  conversationId: string;
  sentAt: Date;
}

/**
 * The type of `text[]`, named outright: postgres.js maps an element type to its array type only
 * once its pool has read them from the catalog, after a new pool's first statement is built.
 */
const TEXT_ARRAY_OID = 1009;

/** Text values for a `text[]` parameter (postgres.js writes null as NULL), on any connection. */
export const texts = (sql: Pick<Tx, "array">, values: (string | null | undefined)[]) =>
  sql.array(values.map((value) => value ?? null) as string[], TEXT_ARRAY_OID);

/**
 * Stores inbound messages in one statement, in the order given (the conversation's trigger sees
 * them in that order), once per mid: a mid already stored, or twice in `rows`, is skipped. A reply
 * whose target is already stored is linked here; one whose target comes later (in the same rows
 * or another delivery) is linked when the target is stored (applyParkedMany). Returns the mids it
 * stored.
 */
export async function insertInboundMessages(tx: Tx, rows: InboundRow[]): Promise<AccountMid[]> {
  if (rows.length === 0) return [];
  const json = (
    value: unknown,
  ) => (value === null || value === undefined ? null : JSON.stringify(value));
  const inserted = await tx<{ channel_account_id: string; external_id: string }[]>`
    insert into public.messages (
      imo_id, channel_account_id, conversation_id, external_id, direction, author_kind, type, text,
      attachments, reply_to_external_id, reply_to_message_id, reply_to_story, quick_reply_payload,
      postback_payload, status, sent_at
    )
    select r.imo_id::uuid, r.account_id::uuid, r.conversation_id::uuid, r.mid, 'inbound', 'contact',
      r.type::public.message_type, r.text, r.attachments::jsonb, r.reply_to,
      (select t.id from public.messages t
       where t.channel_account_id = r.account_id::uuid and t.conversation_id = r.conversation_id::uuid
         and t.external_id = r.reply_to),
      r.reply_to_story::jsonb, r.quick_reply, r.postback, 'sent', r.sent_at::timestamptz
    from unnest(
      ${texts(tx, rows.map((r) => r.imoId))}, ${texts(tx, rows.map((r) => r.accountId))},
      ${texts(tx, rows.map((r) => r.conversationId))}, ${texts(tx, rows.map((r) => r.mid))},
      ${texts(tx, rows.map((r) => r.type))}, ${texts(tx, rows.map((r) => r.text))},
      ${texts(tx, rows.map((r) => JSON.stringify(r.attachments ?? [])))},
      ${texts(tx, rows.map((r) => r.replyToExternalId))},
      ${texts(tx, rows.map((r) => json(r.replyToStory)))},
      ${texts(tx, rows.map((r) => r.quickReplyPayload))}, ${
    texts(tx, rows.map((r) => r.postbackPayload))
  },
      ${texts(tx, rows.map((r) => r.sentAt.toISOString()))}
    ) with ordinality as r (imo_id, account_id, conversation_id, mid, type, text, attachments,
      reply_to, reply_to_story, quick_reply, postback, sent_at, ord)
    order by r.ord
    on conflict (channel_account_id, external_id) do nothing
    returning channel_account_id, external_id`;
  return inserted.map((row) => ({ accountId: row.channel_account_id, mid: row.external_id }));
}
