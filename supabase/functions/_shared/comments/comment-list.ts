import type { CommentThread, ThreadComment } from "../../../../shared/src/contracts/comments.ts";
import type { InboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import { privateReplyUntil } from "../../../../shared/src/rules/private-replies.ts";
import type { Tx } from "../db.ts";

/** Replies shown per thread: Meta threads one level deep, and a thread rarely holds more. */
const MAX_REPLIES = 200;

interface CommentRow {
  id: string;
  post_id: string;
  parent_id: string | null;
  external_id: string | null;
  author_kind: ThreadComment["author"]["kind"];
  contact_id: string | null;
  author_username: string | null;
  author_user_id: string | null;
  author_name: string | null;
  text: string;
  edits: { text: string; at: string }[];
  status: ThreadComment["status"];
  error_code: string | null;
  error_message: string | null;
  commented_at: Date;
  cursor_at: string;
  edited_at: Date | null;
  hidden_at: Date | null;
  deleted_at: Date | null;
  is_unread: boolean;
  private_reply_message_id: string | null;
  private_reply_conversation_id: string | null;
  private_reply_status: NonNullable<ThreadComment["private_reply"]>["status"] | null;
  ai: ThreadComment["ai"];
}

/** The comments table's columns as a thread shows them; callers add `where` and `order by`. */
function selectComments(tx: Tx) {
  return tx`
    select c.id, c.post_id, c.parent_id, c.external_id, c.author_kind, c.contact_id,
      coalesce(c.author_username, k.username) as author_username, c.author_user_id,
      mem.display_name as author_name, c.text, c.edits, c.status, c.error_code, c.error_message,
      c.commented_at, c.edited_at, c.hidden_at, c.deleted_at,
      c.author_kind = 'contact' and (p.last_read_at is null or c.commented_at > p.last_read_at) as is_unread,
      m.id as private_reply_message_id, m.conversation_id as private_reply_conversation_id,
      m.status as private_reply_status,
      case when a.comment_id is null then null else jsonb_build_object('intent', a.intent,
        'confidence', a.confidence::float8, 'category', a.category) end as ai,
      to_char(c.commented_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
    from public.comments c
    join public.posts p on p.id = c.post_id
    left join public.contacts k on k.id = c.contact_id
    left join public.imo_members mem on mem.imo_id = c.imo_id and mem.user_id = c.author_user_id
    left join public.messages m on m.id = c.private_reply_message_id
    left join public.comment_analyses a on a.comment_id = c.id`;
}

/**
 * One page of a post's threads, newest top-level comment first, each with its replies oldest
 * first. Inside `withUser`: RLS hides other IMOs' rows.
 */
export async function listThreads(
  tx: Tx,
  postId: string,
  cursor: InboxCursor | undefined,
  limit: number,
) {
  const tops = await tx<CommentRow[]>`
    ${selectComments(tx)}
    where c.post_id = ${postId} and c.parent_id is null
      ${
    cursor ? tx`and (c.commented_at, c.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : tx``
  }
    order by c.commented_at desc, c.id desc
    limit ${limit + 1}`;
  const page = tops.slice(0, limit);
  const replies = page.length
    ? await tx<CommentRow[]>`
      select * from (
        ${selectComments(tx)}
        where c.post_id = ${postId} and c.parent_id = any(${page.map((t) => t.id)}::uuid[])
        order by c.commented_at desc, c.id desc limit ${MAX_REPLIES * page.length}
      ) r order by r.commented_at, r.id`
    : [];
  const threads: CommentThread[] = page.map((top) => ({
    comment: commentFromRow(top),
    replies: replies.filter((r) => r.parent_id === top.id).slice(-MAX_REPLIES)
      .map(commentFromRow),
  }));
  const last = page.at(-1);
  return {
    threads,
    nextCursor: tops.length > limit && last ? { at: last.cursor_at, id: last.id } : null,
  };
}

/** One comment as a thread shows it, or undefined when the caller cannot see it. */
export async function getThreadComment(tx: Tx, commentId: string) {
  const [row] = await tx<CommentRow[]>`${selectComments(tx)} where c.id = ${commentId}`;
  return row ? commentFromRow(row) : undefined;
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

function commentFromRow(row: CommentRow): ThreadComment {
  return {
    id: row.id,
    post_id: row.post_id,
    parent_id: row.parent_id,
    external_id: row.external_id,
    author: {
      kind: row.author_kind,
      contact_id: row.contact_id,
      username: row.author_username,
      user_id: row.author_user_id,
      display_name: row.author_name,
    },
    text: row.text,
    edits: row.edits,
    status: row.status,
    error: row.error_code || row.error_message
      ? { code: row.error_code, message: row.error_message }
      : null,
    commented_at: row.commented_at.toISOString(),
    edited_at: iso(row.edited_at),
    hidden_at: iso(row.hidden_at),
    deleted_at: iso(row.deleted_at),
    is_unread: row.is_unread,
    private_reply: row.private_reply_message_id
      ? {
        message_id: row.private_reply_message_id,
        conversation_id: row.private_reply_conversation_id!,
        status: row.private_reply_status!,
      }
      : null,
    private_reply_until: row.author_kind === "contact"
      ? privateReplyUntil(row.commented_at).toISOString()
      : null,
    ai: row.ai,
  };
}
