import {
  postCommentsQuerySchema,
  type PostCommentsResponse,
  postListQuerySchema,
  type PostListResponse,
  type PostResponse,
  type PostTriageRequest,
  postTriageRequestSchema,
  type ThreadCommentResponse,
} from "../../../../shared/src/contracts/comments.ts";
import { encodeInboxCursor } from "../../../../shared/src/contracts/inbox-cursor.ts";
import type { Claims } from "../auth.ts";
import { requireFeature, requireImoRole } from "../connect/access.ts";
import { type Tx, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { parseBody, parseQuery } from "../validate.ts";
import { requireComment, requirePost } from "./comment-access.ts";
import { getThreadComment, listThreads } from "./comment-list.ts";
import { getInboxPost, listPosts, unreadPostsByAccount } from "./post-list.ts";

/** `GET /instagram-comments/posts`: one page of the Comments view, with the unread badges. */
export async function listPostsRoute(request: Request, _params: unknown, claims: Claims) {
  const query = parseQuery(request, postListQuerySchema);
  const body = await withUser(claims, async (tx): Promise<PostListResponse> => {
    await requireImoRole(tx, query.imo_id, ["owner", "admin", "recruiter"], {
      feature: "instagram_messaging",
    });
    const [page, unread] = await Promise.all([
      listPosts(tx, {
        imoId: query.imo_id,
        channelAccountId: query.channel_account_id,
        priorityOnly: query.priority,
        unreadOnly: query.unread,
        assignee: query.assignee,
        cursor: query.cursor,
        limit: query.limit,
      }),
      unreadPostsByAccount(tx, query.imo_id),
    ]);
    return {
      posts: page.posts,
      next_cursor: page.nextCursor ? encodeInboxCursor(page.nextCursor) : null,
      unread_by_account: unread,
    };
  });
  return json(body);
}

/** `GET /instagram-comments/posts/<id>/comments`: the post and one page of its threads. */
export async function postCommentsRoute(
  request: Request,
  params: Record<string, string>,
  claims: Claims,
) {
  const query = parseQuery(request, postCommentsQuerySchema);
  const body = await withUser(claims, async (tx): Promise<PostCommentsResponse> => {
    const post = await requirePost(tx, params.postId!);
    await requireFeature(tx, post.imo_id, "instagram_messaging");
    const [inboxPost, page] = await Promise.all([
      getInboxPost(tx, post.id),
      listThreads(tx, post.id, query.cursor, query.limit),
    ]);
    return {
      post: inboxPost!,
      threads: page.threads,
      next_cursor: page.nextCursor ? encodeInboxCursor(page.nextCursor) : null,
    };
  });
  return json(body);
}

/** `GET /instagram-comments/comments/<id>`: one comment as a thread shows it, with its post's id. */
export async function getCommentRoute(
  _request: Request,
  params: Record<string, string>,
  claims: Claims,
) {
  const body = await withUser(claims, async (tx): Promise<ThreadCommentResponse> => {
    const comment = await requireComment(tx, params.commentId!);
    await requireFeature(tx, comment.imo_id, "instagram_messaging");
    return { comment: (await getThreadComment(tx, comment.id))! };
  });
  return json(body);
}

/**
 * `POST /instagram-comments/posts/<id>/triage`: mark read, priority, assignment, for any member of
 * the post's IMO (under RLS and the column grants members have); answers with the post as listed.
 */
export async function triagePostRoute(
  request: Request,
  params: Record<string, string>,
  claims: Claims,
) {
  const body = await parseBody(request, postTriageRequestSchema);
  const answer = await withUser(claims, async (tx): Promise<PostResponse> => {
    const post = await requirePost(tx, params.postId!);
    await requireFeature(tx, post.imo_id, "instagram_messaging");
    await applyTriage(tx, post, body);
    return { post: (await getInboxPost(tx, post.id))! };
  });
  return json(answer);
}

async function applyTriage(tx: Tx, post: { id: string; imo_id: string }, body: PostTriageRequest) {
  switch (body.action) {
    case "mark_read":
      await tx`select private.mark_post_read(${post.id})`;
      return;
    case "set_priority":
      await tx`update public.posts set is_priority = ${body.is_priority} where id = ${post.id}`;
      return;
    case "assign": {
      if (body.user_id) {
        const [member] = await tx`select 1 from public.imo_members
          where imo_id = ${post.imo_id} and user_id = ${body.user_id}`;
        if (!member) {
          throw new HttpError(
            422,
            "assignee_not_member",
            "Only a member of this workspace can be assigned",
          );
        }
      }
      await tx`update public.posts set assigned_to = ${body.user_id} where id = ${post.id}`;
      return;
    }
  }
}
