import {
  type CommentResponse,
  type PublicReplyRequest,
  publicReplyRequestSchema,
} from "../../../../shared/src/contracts/comments.ts";
import { metaErrorCode } from "../../../../shared/src/rules/send-errors.ts";
import type { Claims } from "../auth.ts";
import { requireFeature } from "../connect/access.ts";
import { asService, type Tx, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { replyToComment } from "../meta/comment-api.ts";
import { MetaApiError } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { parseBody } from "../validate.ts";
import { accountToken } from "./account-token.ts";
import { type AccessibleComment, requireComment } from "./comment-access.ts";
import { getThreadComment } from "./comment-list.ts";
import { isGoneOnInstagram } from "./meta-refusal.ts";

/**
 * `POST .../comments/<id>/reply {client_comment_id, text}`: a member's public reply in the
 * comment's thread (docs/meta-platform.md §9 "Replies"). Stored `pending` in the member's name
 * under RLS, then one call to Meta, then `sent` with Meta's id or `failed` with Meta's words. The
 * key makes a repeated request answer with the same reply, and Meta is called once.
 */
export async function publicReplyRoute(
  request: Request,
  params: Record<string, string>,
  claims: Claims & { sub: string },
) {
  const body = await parseBody(request, publicReplyRequestSchema);
  const prior = await withUser(claims, async (tx) => {
    const comment = await requireComment(tx, params.commentId!);
    await requireFeature(tx, comment.imo_id, "instagram_messaging");
    const known = await findByClientId(tx, comment.post_id, body);
    if (known) return { knownId: known };
    requireAnswerable(comment);
    const replyId = await queueReply(tx, comment, body);
    return { comment, replyId };
  });
  if (prior.knownId) return await answer(claims, prior.knownId, true);
  // lost a race with the same key: the other request sends it
  if (!prior.replyId) {
    const known = await withUser(claims, (tx) => findByClientId(tx, prior.comment!.post_id, body));
    return await answer(claims, known!, true);
  }
  await deliverPublicReply(prior.comment!, prior.replyId, body.text);
  return await answer(claims, prior.replyId, false);
}

function requireAnswerable(comment: AccessibleComment) {
  if (comment.deleted_at !== null) {
    throw new HttpError(409, "comment_deleted", "This comment was deleted");
  }
  // Meta: "You cannot reply to hidden comments"
  if (comment.hidden_at !== null) {
    throw new HttpError(
      409,
      "comment_hidden",
      "Instagram does not take replies to a hidden comment; show it again first",
    );
  }
  if (comment.thread_external_id === null) {
    throw new HttpError(409, "comment_not_sent", "This comment has not reached Instagram yet");
  }
}

/** The reply this key already made, if any; the key reused for another text is refused. */
async function findByClientId(tx: Tx, postId: string, body: PublicReplyRequest) {
  const [known] = await tx<{ id: string; mine: boolean; text: string }[]>`
    select id, author_user_id = (select auth.uid()) as mine, text from public.comments
    where post_id = ${postId} and client_comment_id = ${body.client_comment_id}`;
  if (!known) return undefined;
  if (!known.mine || known.text !== body.text) {
    throw new HttpError(
      409,
      "idempotency_key_reused",
      "This client_comment_id already belongs to another reply",
    );
  }
  return known.id;
}

async function queueReply(tx: Tx, comment: AccessibleComment, body: PublicReplyRequest) {
  const [row] = await tx<{ id: string }[]>`
    insert into public.comments (imo_id, channel_account_id, post_id, client_comment_id, parent_id,
      author_kind, author_user_id, text, status)
    values (${comment.imo_id}, ${comment.channel_account_id}, ${comment.post_id},
      ${body.client_comment_id}, ${comment.parent_id ?? comment.id}, 'user', (select auth.uid()),
      ${body.text}, 'pending')
    on conflict (post_id, client_comment_id) do nothing
    returning id`;
  return row?.id;
}

/**
 * One call to Meta for a queued reply. Its own `comments` webhook may come before this answer:
 * whichever comes second finds the reply already holding Meta's id (the same lock as ingestion).
 */
async function deliverPublicReply(comment: AccessibleComment, replyId: string, text: string) {
  try {
    const account = await accountToken(comment.channel_account_id);
    const externalId = await replyToComment(
      metaConfig(),
      account,
      account.token,
      comment.thread_external_id!,
      text,
    );
    await asService(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtextextended(${comment.channel_account_id}::text || ':comment:' || ${externalId}, 0))`;
      await tx`update public.comments set external_id = ${externalId}, status = 'sent',
          error_code = null, error_message = null
        where id = ${replyId} and (external_id is null or external_id = ${externalId})`;
    });
  } catch (error) {
    const code = error instanceof MetaApiError
      ? metaErrorCode(error.code, error.subcode, error.status)
      : error instanceof HttpError
      ? error.code
      : "unexpected";
    const message = error instanceof Error ? error.message : String(error);
    await asService(async (tx) => {
      await tx`update public.comments set status = 'failed', error_code = ${code},
          error_message = ${message.slice(0, 500)}
        where id = ${replyId} and status = 'pending'`;
      if (isGoneOnInstagram(error)) {
        await tx`update public.comments set deleted_at = now()
          where id = ${comment.parent_id ?? comment.id} and deleted_at is null`;
      }
    });
    if (!(error instanceof MetaApiError) && !(error instanceof HttpError)) throw error;
  }
}

async function answer(claims: Claims, replyId: string, replayed: boolean) {
  const comment = await withUser(claims, (tx) => getThreadComment(tx, replyId));
  const body: CommentResponse = { comment: comment!, replayed };
  return json(body);
}
