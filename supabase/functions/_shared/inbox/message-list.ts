import type { InboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import {
  threadMessageFromRow,
  type ThreadMessageRow,
} from "../../../../shared/src/contracts/thread-message-row.ts";
import type { Tx } from "../db.ts";

interface MessageRow extends ThreadMessageRow {
  author_name: string | null;
  cursor_at: string;
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
    messages: page.map((row) => threadMessageFromRow(row, row.author_name)),
    nextCursor: rows.length > limit && last ? { at: last.cursor_at, id: last.id } : null,
  };
}

/** One message as the thread shows it, or undefined when the caller cannot see it. */
export async function getThreadMessage(tx: Tx, messageId: string) {
  const [row] = await tx<MessageRow[]>`${selectMessages(tx)} where m.id = ${messageId}`;
  return row ? threadMessageFromRow(row, row.author_name) : undefined;
}

/** The thread row's columns and joins; callers add `where` and `order by`. */
function selectMessages(tx: Tx) {
  return tx`
    select m.id, m.conversation_id, m.direction, m.type, m.text, m.attachments, m.reactions,
      m.author_kind, m.author_user_id, mem.display_name as author_name, m.reply_to_message_id,
      m.reply_to_external_id, m.reply_to_story, m.post, m.status, m.error_code, m.error_message,
      m.external_id, m.sent_at, m.delivered_at, m.read_at, m.deleted_at, m.automation_rule,
      m.scheduled_message_id, m.ai_review, m.private_reply_to_comment_id,
      -- microseconds kept: a cursor rounded to milliseconds would skip or repeat rows
      to_char(m.sent_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
    from public.messages m
    left join public.imo_members mem on mem.imo_id = m.imo_id and mem.user_id = m.author_user_id`;
}
