import type { InboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import type { ThreadMessage } from "../../../../shared/src/contracts/inbox-messages.ts";
import { mayHaveBeenSent } from "../../../../shared/src/rules/send-errors.ts";
import type { AutomationRule } from "../../../../shared/src/schemas/message.ts";
import type { Tx } from "../db.ts";

interface MessageRow {
  id: string;
  conversation_id: string;
  direction: ThreadMessage["direction"];
  type: ThreadMessage["type"];
  text: string | null;
  attachments: ThreadMessage["attachments"];
  reactions: ThreadMessage["reactions"];
  author_kind: ThreadMessage["author"]["kind"];
  author_user_id: string | null;
  author_name: string | null;
  reply_to_message_id: string | null;
  reply_to_external_id: string | null;
  reply_to_story: NonNullable<ThreadMessage["reply_to"]>["story"];
  status: ThreadMessage["status"];
  error_code: string | null;
  error_message: string | null;
  external_id: string | null;
  sent_at: Date;
  cursor_at: string;
  delivered_at: Date | null;
  read_at: Date | null;
  deleted_at: Date | null;
  automation_rule: AutomationRule | null;
  scheduled_message_id: string | null;
}

/**
 * One page of a conversation's messages, newest first (drafts are the composer's, not the
 * thread's). Inside `withUser`: RLS hides other IMOs' rows.
 */
export async function listMessages(
  tx: Tx,
  conversationId: string,
  cursor: InboxCursor | undefined,
  limit: number,
) {
  const rows = await tx<MessageRow[]>`
    ${selectMessages(tx)}
    where m.conversation_id = ${conversationId} and m.status <> 'draft'
      ${cursor ? tx`and (m.sent_at, m.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : tx``}
    order by m.sent_at desc, m.id desc
    limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    messages: page.map(toThreadMessage),
    nextCursor: rows.length > limit && last ? { at: last.cursor_at, id: last.id } : null,
  };
}

/** One message as the thread shows it, or undefined when the caller cannot see it. */
export async function getThreadMessage(tx: Tx, messageId: string) {
  const [row] = await tx<MessageRow[]>`${selectMessages(tx)} where m.id = ${messageId}`;
  return row ? toThreadMessage(row) : undefined;
}

/** The thread row's columns and joins; callers add `where` and `order by`. */
function selectMessages(tx: Tx) {
  return tx`
    select m.id, m.conversation_id, m.direction, m.type, m.text, m.attachments, m.reactions,
      m.author_kind, m.author_user_id, mem.display_name as author_name, m.reply_to_message_id,
      m.reply_to_external_id, m.reply_to_story, m.status, m.error_code, m.error_message,
      m.external_id, m.sent_at, m.delivered_at, m.read_at, m.deleted_at, m.automation_rule,
      m.scheduled_message_id,
      -- microseconds kept: a cursor rounded to milliseconds would skip or repeat rows
      to_char(m.sent_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
    from public.messages m
    left join public.imo_members mem on mem.imo_id = m.imo_id and mem.user_id = m.author_user_id`;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toThreadMessage(row: MessageRow): ThreadMessage {
  const repliesTo = row.reply_to_message_id ?? row.reply_to_external_id ?? row.reply_to_story;
  const failed = row.error_code ?? row.error_message;
  return {
    id: row.id,
    conversation_id: row.conversation_id,
    direction: row.direction,
    type: row.type,
    text: row.text,
    attachments: row.attachments,
    reactions: row.reactions,
    author: {
      kind: row.author_kind,
      user_id: row.author_user_id,
      display_name: row.author_name,
      ...(row.automation_rule
        ? {
          automation: { rule: row.automation_rule, scheduled_message_id: row.scheduled_message_id },
        }
        : {}),
    },
    reply_to: repliesTo
      ? {
        message_id: row.reply_to_message_id,
        external_id: row.reply_to_external_id,
        story: row.reply_to_story,
      }
      : null,
    status: row.status,
    error: failed
      ? {
        code: row.error_code,
        message: row.error_message,
        may_have_been_sent: mayHaveBeenSent(row.error_code),
      }
      : null,
    external_id: row.external_id,
    sent_at: row.sent_at.toISOString(),
    delivered_at: iso(row.delivered_at),
    read_at: iso(row.read_at),
    deleted_at: iso(row.deleted_at),
  };
}
