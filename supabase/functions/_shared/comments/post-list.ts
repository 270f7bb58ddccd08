import type { InboxPost } from "../../../../shared/src/contracts/comments.ts";
import type { InboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import type { Tx } from "../db.ts";

/**
 * The posts table's queries for the Comments view (one home per table). Run inside `withUser`, so
 * RLS decides what is visible; callers check membership first to tell a stranger 404.
 */

export interface PostFilters {
  imoId: string;
  channelAccountId?: string;
  priorityOnly?: boolean;
  unreadOnly?: boolean;
  assignee?: "me" | "unassigned";
  cursor?: InboxCursor;
  limit: number;
}

interface PostRow {
  id: string;
  channel_account_id: string;
  platform: InboxPost["platform"];
  external_id: string;
  media_product_type: string | null;
  caption: string | null;
  permalink: string | null;
  thumbnail_url: string | null;
  posted_at: Date | null;
  last_comment_at: Date | null;
  cursor_at: string | null;
  last_comment_preview: string | null;
  comment_count: number;
  unread_count: number;
  is_priority: boolean;
  assigned_to: string | null;
  assignee_name: string | null;
}

function selectPosts(tx: Tx) {
  return tx`
    select p.id, p.channel_account_id, a.platform, p.external_id, p.media_product_type, p.caption,
      p.permalink, p.thumbnail_url, p.posted_at, p.last_comment_at, p.last_comment_preview,
      p.comment_count, p.unread_count, p.is_priority, p.assigned_to, mem.display_name as assignee_name,
      -- microseconds kept: a cursor rounded to milliseconds would skip or repeat rows
      to_char(p.last_comment_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
    from public.posts p
    join public.channel_accounts a on a.id = p.channel_account_id
    left join public.imo_members mem on mem.imo_id = p.imo_id and mem.user_id = p.assigned_to`;
}

/** One page of posts, newest comment first, and the cursor of the next page (null on the last). */
export async function listPosts(tx: Tx, filters: PostFilters) {
  const rows = await tx<PostRow[]>`
    ${selectPosts(tx)}
    where p.imo_id = ${filters.imoId} and p.last_comment_at is not null
      ${
    filters.channelAccountId ? tx`and p.channel_account_id = ${filters.channelAccountId}` : tx``
  }
      ${filters.unreadOnly ? tx`and p.unread_count > 0` : tx``}
      ${filters.priorityOnly ? tx`and p.is_priority` : tx``}
      ${
    filters.assignee === "me"
      ? tx`and p.assigned_to = (select auth.uid())`
      : filters.assignee === "unassigned"
      ? tx`and p.assigned_to is null`
      : tx``
  }
      ${
    filters.cursor
      ? tx`and (p.last_comment_at, p.id) < (${filters.cursor.at}::timestamptz, ${filters.cursor.id}::uuid)`
      : tx``
  }
    order by p.last_comment_at desc, p.id desc
    limit ${filters.limit + 1}`;
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    posts: page.map(postFromRow),
    nextCursor: rows.length > filters.limit && last?.cursor_at
      ? { at: last.cursor_at, id: last.id }
      : null,
  };
}

/** One post as the view shows it, or undefined when the caller cannot see it. */
export async function getInboxPost(tx: Tx, postId: string): Promise<InboxPost | undefined> {
  const [row] = await tx<PostRow[]>`${selectPosts(tx)} where p.id = ${postId}`;
  return row ? postFromRow(row) : undefined;
}

/** Per account with anything unread: how many posts and comments, for the sidebar's badges. */
export async function unreadPostsByAccount(tx: Tx, imoId: string) {
  const rows = await tx<
    { channel_account_id: string; unread_posts: number; unread_comments: number }[]
  >`
    select channel_account_id, count(*)::int as unread_posts, sum(unread_count)::int as unread_comments
    from public.posts where imo_id = ${imoId} and unread_count > 0
    group by channel_account_id order by channel_account_id`;
  return [...rows];
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

function postFromRow(row: PostRow): InboxPost {
  return {
    id: row.id,
    channel_account_id: row.channel_account_id,
    platform: row.platform,
    external_id: row.external_id,
    media_product_type: row.media_product_type,
    caption: row.caption,
    permalink: row.permalink,
    thumbnail_url: row.thumbnail_url,
    posted_at: iso(row.posted_at),
    last_comment_at: iso(row.last_comment_at),
    preview: row.last_comment_preview,
    comment_count: row.comment_count,
    unread_count: row.unread_count,
    is_priority: row.is_priority,
    assignee: row.assigned_to
      ? { user_id: row.assigned_to, display_name: row.assignee_name }
      : null,
  };
}
