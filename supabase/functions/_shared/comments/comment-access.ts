import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/**
 * Inside `withUser`: a post or a comment as the caller may see it. RLS hides other IMOs' rows, so
 * a stranger gets the same 404 as for an id that does not exist and learns nothing.
 */
export async function requirePost(tx: Tx, postId: string) {
  const [post] = await tx<{ id: string; imo_id: string; channel_account_id: string }[]>`
    select id, imo_id, channel_account_id from public.posts where id = ${postId}`;
  if (!post) throw new HttpError(404, "post_not_found", "No such post");
  return post;
}

export interface AccessibleComment {
  id: string;
  imo_id: string;
  channel_account_id: string;
  post_id: string;
  parent_id: string | null;
  external_id: string | null;
  author_kind: string;
  contact_id: string | null;
  contact_external_id: string | null;
  commented_at: Date;
  hidden_at: Date | null;
  deleted_at: Date | null;
  has_private_reply: boolean;
  /** the thread's top-level comment's Meta id, which a public reply answers */
  thread_external_id: string | null;
}

export async function requireComment(tx: Tx, commentId: string): Promise<AccessibleComment> {
  const [comment] = await tx<AccessibleComment[]>`
    select c.id, c.imo_id, c.channel_account_id, c.post_id, c.parent_id, c.external_id,
      c.author_kind::text, c.contact_id, k.external_id as contact_external_id, c.commented_at,
      c.hidden_at, c.deleted_at, c.private_reply_message_id is not null as has_private_reply,
      coalesce(t.external_id, c.external_id) as thread_external_id
    from public.comments c
    left join public.contacts k on k.id = c.contact_id
    left join public.comments t on t.id = c.parent_id
    where c.id = ${commentId}`;
  if (!comment) throw new HttpError(404, "comment_not_found", "No such comment");
  return comment;
}
