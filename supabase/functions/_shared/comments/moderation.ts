import {
  type CommentResponse,
  hideCommentRequestSchema,
} from "../../../../shared/src/contracts/comments.ts";
import type { Claims } from "../auth.ts";
import { requireFeature } from "../connect/access.ts";
import { asService, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { deleteComment, setCommentHidden } from "../meta/comment-api.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { parseBody } from "../validate.ts";
import { accountToken } from "./account-token.ts";
import { type AccessibleComment, requireComment } from "./comment-access.ts";
import { getThreadComment } from "./comment-list.ts";
import { isGoneOnInstagram, metaRefusal } from "./meta-refusal.ts";

/**
 * Hide or show again (`POST .../comments/<id>/hide {hidden}`) and delete (`POST .../delete`): the
 * moderation recruiters need for spam under hiring posts, for any member of the IMO. Meta is
 * called first; the row changes only when Meta did it, and records who did. Asking again for
 * what is already so answers `replayed` without calling Meta.
 */
export async function hideCommentRoute(
  request: Request,
  params: Record<string, string>,
  claims: Claims & { sub: string },
) {
  const body = await parseBody(request, hideCommentRequestSchema);
  const comment = await moderatable(claims, params.commentId!);
  if ((comment.hidden_at !== null) === body.hidden) return await answer(claims, comment.id, true);
  const account = await accountToken(comment.channel_account_id);
  try {
    await setCommentHidden(metaConfig(), account, account.token, comment.external_id!, body.hidden);
  } catch (error) {
    throw await refused(comment, error);
  }
  await asService((tx) =>
    tx`update public.comments set hidden_at = ${body.hidden ? tx`now()` : null},
         hidden_by = ${body.hidden ? claims.sub : null}
       where id = ${comment.id}`
  );
  return await answer(claims, comment.id, false);
}

export async function deleteCommentRoute(
  _request: Request,
  params: Record<string, string>,
  claims: Claims & { sub: string },
) {
  const comment = await moderatable(claims, params.commentId!, { deletedIsDone: true });
  if (comment.deleted_at !== null) return await answer(claims, comment.id, true);
  const account = await accountToken(comment.channel_account_id);
  try {
    await deleteComment(metaConfig(), account, account.token, comment.external_id!);
  } catch (error) {
    // already gone on Instagram: what the member wanted
    if (!isGoneOnInstagram(error)) throw await refused(comment, error);
  }
  await markDeleted(comment.id, claims.sub);
  return await answer(claims, comment.id, false);
}

async function moderatable(
  claims: Claims,
  commentId: string,
  options: { deletedIsDone?: boolean } = {},
): Promise<AccessibleComment> {
  const comment = await withUser(claims, async (tx) => {
    const found = await requireComment(tx, commentId);
    await requireFeature(tx, found.imo_id, "instagram_messaging");
    return found;
  });
  if (comment.deleted_at !== null && !options.deletedIsDone) {
    throw new HttpError(409, "comment_deleted", "This comment was deleted");
  }
  if (comment.external_id === null) {
    throw new HttpError(409, "comment_not_sent", "This reply has not reached Instagram yet");
  }
  return comment;
}

/** Meta's refusal as the answer; a comment Meta no longer knows is marked deleted first. */
async function refused(comment: AccessibleComment, error: unknown) {
  if (isGoneOnInstagram(error)) {
    await markDeleted(comment.id, null);
    return new HttpError(409, "comment_deleted", "This comment was deleted on Instagram");
  }
  return metaRefusal(error);
}

async function markDeleted(commentId: string, userId: string | null) {
  await asService((tx) =>
    tx`update public.comments set deleted_at = now(), deleted_by = ${userId}
       where id = ${commentId} and deleted_at is null`
  );
}

async function answer(claims: Claims, commentId: string, replayed: boolean) {
  const comment = await withUser(claims, (tx) => getThreadComment(tx, commentId));
  const body: CommentResponse = { comment: comment!, replayed };
  return json(body);
}
