import {
  privateReplyRequestSchema,
  type PrivateReplyResponse,
} from "../../../../shared/src/contracts/comments.ts";
import { messageTextSchema } from "../../../../shared/src/rules/message-text.ts";
import {
  PRIVATE_REPLY_EXPLANATIONS,
  privateReplyBlock,
} from "../../../../shared/src/rules/private-replies.ts";
import type { Claims } from "../auth.ts";
import { requireFeature } from "../connect/access.ts";
import { asService, withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { getThreadMessage } from "../inbox/message-list.ts";
import { requireGraphCall } from "../meta/rate-governor.ts";
import { deliverReply } from "../send/deliver-reply.ts";
import { awaitSettled } from "../send/reply-answer.ts";
import { renderForConversation } from "../templates/render-for-conversation.ts";
import { findTemplate } from "../templates/template-queries.ts";
import { parseBody } from "../validate.ts";
import { ensureConversation } from "../webhooks/conversation-upsert.ts";
import { type AccessibleComment, requireComment } from "./comment-access.ts";
import { getThreadComment } from "./comment-list.ts";

/**
 * `POST .../comments/<id>/private-reply {client_message_id, text | template_id}`: a member answers
 * a comment in private (Meta's Private Replies, docs/meta-platform.md §9). What Meta would refuse
 * is refused first, with the reason (409 `private_reply_<reason>`): our own comment, a deleted one,
 * one that has had its private reply, one older than 7 days. Then the rate governor (750 an hour,
 * 429), the message stored `pending` in the commenter's conversation (made now if this is the
 * first word between them), one call to Meta, and `sent` or `failed` with Meta's code.
 */
export async function privateReplyRoute(
  request: Request,
  params: Record<string, string>,
  claims: Claims & { sub: string },
) {
  const body = await parseBody(request, privateReplyRequestSchema);
  const now = new Date();
  const { comment, template } = await withUser(claims, async (tx) => {
    const found = await requireComment(tx, params.commentId!);
    await requireFeature(tx, found.imo_id, "instagram_messaging");
    if (!body.template_id) return { comment: found, template: null };
    await requireFeature(tx, found.imo_id, "instagram_templates");
    const chosen = await findTemplate(tx, body.template_id);
    if (chosen.imo_id !== found.imo_id) {
      throw new HttpError(404, "template_not_found", "No such template");
    }
    return { comment: found, template: chosen.content };
  });
  const known = await findByClientId(comment.id, body.client_message_id, claims.sub);
  if (known) {
    await awaitSettled(known);
    return await answer(claims, known, comment.id, true);
  }
  const block = privateReplyBlock(comment, now);
  if (block) throw new HttpError(409, `private_reply_${block}`, PRIVATE_REPLY_EXPLANATIONS[block]);

  await requireGraphCall(comment.channel_account_id, "private_reply");
  const queued = await queuePrivateReply(comment, {
    text: body.text,
    template,
    author: { kind: "user", userId: claims.sub },
    clientMessageId: body.client_message_id,
  });
  if (!queued) {
    throw new HttpError(
      409,
      "private_reply_already_replied",
      PRIVATE_REPLY_EXPLANATIONS.already_replied,
    );
  }
  await deliverReply(queued.messageId);
  return await answer(claims, queued.messageId, comment.id, false);
}

/** The message this key already made for the comment, if any; another person's key is refused. */
async function findByClientId(commentId: string, clientMessageId: string, userId: string) {
  const [known] = await asService((tx) =>
    tx<{ id: string; author_user_id: string | null }[]>`
      select id, author_user_id from public.messages
      where private_reply_to_comment_id = ${commentId} and client_message_id = ${clientMessageId}`
  );
  if (!known) return undefined;
  if (known.author_user_id !== userId) {
    throw new HttpError(
      409,
      "idempotency_key_reused",
      "This client_message_id already belongs to another message",
    );
  }
  return known.id;
}

export type PrivateReplyAuthor =
  | { kind: "user"; userId: string }
  | { kind: "automation"; ruleId: string; recruiterId: string | null };

/**
 * The private reply stored `pending` in the commenter's conversation (created on first contact):
 * the text, or the template rendered for them. Null when the comment already has one on its way
 * or sent (the database allows one). The caller has taken a slot from the governor and sends it
 * with deliverReply.
 */
export async function queuePrivateReply(
  comment: Pick<AccessibleComment, "id" | "imo_id" | "channel_account_id" | "contact_external_id">,
  input: {
    text?: string;
    template: string | null;
    author: PrivateReplyAuthor;
    clientMessageId?: string;
  },
): Promise<{ messageId: string; conversationId: string } | null> {
  return await asService(async (tx) => {
    const { conversationId } = await ensureConversation(tx, {
      id: comment.channel_account_id,
      imo_id: comment.imo_id,
    }, comment.contact_external_id!);
    const recruiterId = input.author.kind === "user"
      ? input.author.userId
      : input.author.recruiterId;
    const text = input.template === null
      ? input.text!
      : await renderForConversation(tx, input.template, { id: conversationId }, recruiterId);
    const checked = messageTextSchema.safeParse(text);
    if (!checked.success) {
      throw new HttpError(422, "invalid_text", checked.error.issues[0]!.message);
    }
    const automation = input.author.kind === "automation" ? input.author : null;
    const [row] = await tx<{ id: string }[]>`
      insert into public.messages (imo_id, channel_account_id, conversation_id, client_message_id,
        direction, author_kind, author_user_id, type, text, status, private_reply_to_comment_id,
        automation_rule, comment_rule_id)
      values (${comment.imo_id}, ${comment.channel_account_id}, ${conversationId},
        ${input.clientMessageId ?? null}, 'outbound', ${automation ? "automation" : "user"},
        ${input.author.kind === "user" ? input.author.userId : null}, 'text', ${text}, 'pending',
        ${comment.id}, ${automation ? "comment_rule" : null}, ${automation?.ruleId ?? null})
      on conflict do nothing
      returning id`;
    return row ? { messageId: row.id, conversationId } : null;
  });
}

async function answer(claims: Claims, messageId: string, commentId: string, replayed: boolean) {
  const body: PrivateReplyResponse = await withUser(claims, async (tx) => ({
    message: (await getThreadMessage(tx, messageId))!,
    comment: (await getThreadComment(tx, commentId))!,
    replayed,
  }));
  return json(body);
}
