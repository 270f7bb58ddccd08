/**
 * Posts and comments driven by the control API: an account publishes a post, a lead comments on
 * it (or edits or removes their comment), the account comments from the Instagram app. Each stores
 * what Meta would know and delivers the `comments` webhook Meta would send (§9 "Webhook").
 */
import { addComment } from "./comments-api.ts";
import { igsidFor } from "./directory.ts";
import { numericId } from "./ids.ts";
import { type ActionContext, ActionError } from "./lead-actions.ts";
import type { InstagramAccount, Lead, StoredComment, StoredMedia } from "./sandbox-state.ts";
import { commentEnvelope } from "./webhook-events.ts";

export interface NewMediaInput {
  caption?: string;
  mediaType?: StoredMedia["mediaType"];
  productType?: StoredMedia["mediaProductType"];
  at?: number;
}

export function publishMedia(
  context: ActionContext,
  account: InstagramAccount,
  input: NewMediaInput,
): StoredMedia {
  const id = numericId("179", 17);
  const media: StoredMedia = {
    id,
    igAccountId: account.igAccountId,
    caption: input.caption ?? "",
    mediaType: input.mediaType ?? "IMAGE",
    mediaProductType: input.productType ?? "FEED",
    mediaUrl: `${context.baseUrl}/_sandbox/media/post-${id}.${
      input.mediaType === "VIDEO" ? "mp4" : "jpg"
    }`,
    permalink: `https://www.instagram.com/p/${id.slice(-11)}/`,
    createdAt: input.at ?? Date.now(),
  };
  context.state.media.set(id, media);
  return media;
}

export interface LeadCommentInput {
  media: string;
  text: string;
  /** the comment it answers (a reply joins that comment's top-level thread, §9 "Replies") */
  parent?: string;
  /** Instagram's filters hid it as it was written (hidden words, §9 "Moderation") */
  hidden?: boolean;
  at?: number;
}

function mediaOf(context: ActionContext, account: InstagramAccount, id: string) {
  const media = context.state.media.get(id);
  if (!media || media.igAccountId !== account.igAccountId) {
    throw new ActionError(404, `no media ${id} of this account`);
  }
  return media;
}

function commentOf(context: ActionContext, account: InstagramAccount, id: string) {
  const comment = context.state.comments.get(id);
  if (!comment || comment.igAccountId !== account.igAccountId) {
    throw new ActionError(404, `no comment ${id} on this account's media`);
  }
  return comment;
}

function topLevel(context: ActionContext, account: InstagramAccount, parent?: string) {
  if (!parent) return undefined;
  const comment = commentOf(context, account, parent);
  return comment.parentId ?? comment.id;
}

export async function leadComments(
  context: ActionContext,
  lead: Lead,
  account: InstagramAccount,
  input: LeadCommentInput,
) {
  const media = mediaOf(context, account, input.media);
  const comment = addComment(context.state, {
    media,
    fromId: igsidFor(lead, account.igAccountId),
    username: lead.username,
    leadId: lead.id,
    text: input.text,
    parentId: topLevel(context, account, input.parent),
    hidden: input.hidden,
    at: input.at,
  });
  return {
    commentId: comment.id,
    igsid: comment.fromId,
    delivery: await notify(context, account, comment),
  };
}

/** The account comments from the Instagram app (not through the API). */
export async function accountComments(
  context: ActionContext,
  account: InstagramAccount,
  input: { media: string; text: string; parent?: string },
) {
  const media = mediaOf(context, account, input.media);
  const comment = addComment(context.state, {
    media,
    fromId: account.igAccountId,
    username: account.username,
    text: input.text,
    parentId: topLevel(context, account, input.parent),
  });
  return { commentId: comment.id, delivery: await notify(context, account, comment) };
}

function ownComment(context: ActionContext, lead: Lead, account: InstagramAccount, id: string) {
  const comment = commentOf(context, account, id);
  if (comment.leadId !== lead.id) throw new ActionError(404, `comment ${id} is not this lead's`);
  if (comment.deleted) throw new ActionError(409, `comment ${id} is deleted`);
  return comment;
}

/** The lead edits their comment: the same id with its new text (sandbox's choice, README). */
export async function leadEditsComment(
  context: ActionContext,
  lead: Lead,
  account: InstagramAccount,
  input: { comment: string; text: string },
) {
  const comment = ownComment(context, lead, account, input.comment);
  comment.text = input.text;
  return { delivery: await notify(context, account, comment, { verb: "edited" }) };
}

/** The lead deletes their comment: notified with `verb: "remove"` (sandbox's choice, README). */
export async function leadDeletesComment(
  context: ActionContext,
  lead: Lead,
  account: InstagramAccount,
  input: { comment: string },
) {
  const comment = ownComment(context, lead, account, input.comment);
  comment.deleted = true;
  return { delivery: await notify(context, account, comment, { verb: "remove" }) };
}

async function notify(
  context: ActionContext,
  account: InstagramAccount,
  comment: StoredComment,
  extras: Record<string, unknown> = {},
) {
  const media = context.state.media.get(comment.mediaId)!;
  const record = await context.webhooks.deliver({
    igAccountId: account.igAccountId,
    payload: commentEnvelope(account.igAccountId, comment, media, extras),
    field: "comments",
  });
  return { id: record.id, status: record.status, attempts: record.attempts, ok: record.ok };
}

/** What the control API shows of a comment. */
export function commentView(comment: StoredComment) {
  return {
    id: comment.id,
    mediaId: comment.mediaId,
    leadId: comment.leadId ?? null,
    fromId: comment.fromId,
    username: comment.username,
    text: comment.text,
    parentId: comment.parentId ?? null,
    hidden: comment.hidden,
    deleted: comment.deleted,
    privateReplyMid: comment.privateReplyMid ?? null,
    createdAt: comment.createdAt,
  };
}
