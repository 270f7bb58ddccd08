/**
 * Media and comments on the Graph API (§9): the media node, a comment node (read, hide/unhide,
 * delete), a comment's replies edge (a public reply) and Private Replies through the Send API
 * (`recipient.comment_id`), with the limits Meta documents: replies only to top-level comments
 * and never to hidden ones, one private reply per comment within 7 days of it.
 */
import { ensureConversation, threadIdOf } from "./directory.ts";
import type { GraphCall, SandboxServices } from "./graph-context.ts";
import { GraphError, graphErrors, type GraphHost } from "./graph-errors.ts";
import { parseFields, pickFields } from "./graph-fields.ts";
import { graphTime } from "./graph-time.ts";
import { stringParam } from "./http-helpers.ts";
import { messageId, numericId } from "./ids.ts";
import type {
  InstagramAccount,
  SandboxState,
  StoredComment,
  StoredMedia,
  StoredMessage,
} from "./sandbox-state.ts";
import { DAY_MS } from "./sandbox-state.ts";
import { commentEnvelope } from "./webhook-events.ts";

/** §9 "Private Replies": within 7 days of the comment. */
const PRIVATE_REPLY_DAYS = 7;
/** Instagram's comment limit (§9 "Replies": 2,200 characters, as for captions). */
const MAX_COMMENT_CHARACTERS = 2200;

const fieldsOf = (call: GraphCall) => parseFields(stringParam(call.params, "fields"));

export function mediaFields(state: SandboxState, call: GraphCall, media: StoredMedia) {
  return pickFields(
    {
      id: media.id,
      caption: media.caption,
      media_type: media.mediaType,
      media_product_type: media.mediaProductType,
      media_url: media.mediaUrl,
      // videos have a thumbnail; images are their own (§9 "Media")
      thumbnail_url: media.mediaType === "VIDEO" ? media.mediaUrl : undefined,
      permalink: media.permalink,
      timestamp: graphTime(media.createdAt),
      comments_count: () =>
        [...state.comments.values()].filter((c) => c.mediaId === media.id && !c.deleted).length,
      like_count: 12,
      username: undefined,
    },
    fieldsOf(call),
    ["id"],
    "IGMedia",
  );
}

/** `GET /<IG_ID>/media`: the account's media, newest first, up to `limit` (default 25, at most 100). */
export function mediaEdge(state: SandboxState, call: GraphCall, account: InstagramAccount) {
  const limit = Math.min(Math.max(Number(stringParam(call.params, "limit") ?? 25) || 25, 1), 100);
  const media = [...state.media.values()].filter((m) => m.igAccountId === account.igAccountId)
    .sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
  return { data: media.map((m) => mediaFields(state, call, m)) };
}

export function commentFields(state: SandboxState, call: GraphCall, comment: StoredComment) {
  return pickFields(
    {
      id: comment.id,
      text: comment.text,
      timestamp: graphTime(comment.createdAt),
      username: comment.username,
      from: { id: comment.fromId, username: comment.username },
      hidden: comment.hidden,
      like_count: 0,
      media: { id: comment.mediaId },
      parent_id: comment.parentId,
      replies: () => ({
        data: [...state.comments.values()]
          .filter((c) => c.parentId === comment.id && !c.deleted)
          .map((c) => ({ id: c.id, text: c.text, timestamp: graphTime(c.createdAt) })),
      }),
    },
    fieldsOf(call),
    ["id", "text", "timestamp"],
    "IGComment",
  );
}

/** `POST /<comment-id>?hide=true|false` (§9 "Moderation"). */
export function hideComment(call: GraphCall, account: InstagramAccount, comment: StoredComment) {
  const hide = stringParam(call.params, "hide");
  if (hide !== "true" && hide !== "false") {
    throw graphErrors.invalidParameter("The parameter hide is required (true or false)");
  }
  // the account's own comments always stay visible (§9 "Moderation")
  if (comment.fromId === account.igAccountId) {
    throw graphErrors.invalidParameter("Comments by the media owner cannot be hidden");
  }
  comment.hidden = hide === "true";
  return { success: true };
}

/** `DELETE /<comment-id>`: the account may delete any comment on its media (§9 "Moderation"). */
export function deleteComment(services: SandboxServices, comment: StoredComment) {
  comment.deleted = true;
  // its replies go with it, as on Instagram
  for (const reply of services.state.comments.values()) {
    if (reply.parentId === comment.id) reply.deleted = true;
  }
  return { success: true };
}

/**
 * `POST /<comment-id>/replies?message=`: a public reply by the account (§9 "Replies"). A reply to
 * a reply joins the top-level comment; hidden comments take no reply. Meta then notifies the
 * `comments` field of the new comment, as for anyone's.
 */
export function replyToComment(
  services: SandboxServices,
  call: GraphCall,
  account: InstagramAccount,
  comment: StoredComment,
) {
  const message = stringParam(call.params, "message");
  if (!message?.trim()) throw graphErrors.invalidParameter("The parameter message is required");
  if ([...message].length > MAX_COMMENT_CHARACTERS) {
    throw graphErrors.invalidParameter(
      `The comment is longer than ${MAX_COMMENT_CHARACTERS} characters`,
    );
  }
  if (comment.hidden) {
    throw graphErrors.invalidParameter("You cannot reply to a hidden comment");
  }
  const reply = addComment(services.state, {
    media: services.state.media.get(comment.mediaId)!,
    fromId: account.igAccountId,
    username: account.username,
    text: message,
    parentId: comment.parentId ?? comment.id,
  });
  notifyComment(services, account, reply);
  return { id: reply.id };
}

export interface NewComment {
  media: StoredMedia;
  fromId: string;
  username: string;
  text: string;
  leadId?: string;
  parentId?: string;
  hidden?: boolean;
  at?: number;
}

export function addComment(state: SandboxState, input: NewComment): StoredComment {
  const comment: StoredComment = {
    id: numericId("178", 17),
    mediaId: input.media.id,
    igAccountId: input.media.igAccountId,
    leadId: input.leadId,
    fromId: input.fromId,
    username: input.username,
    text: input.text,
    createdAt: input.at ?? Date.now(),
    parentId: input.parentId,
    hidden: input.hidden ?? false,
    deleted: false,
  };
  state.comments.set(comment.id, comment);
  return comment;
}

/** The `comments` webhook for a comment (§9 "Webhook"), after the answer, like an echo. */
export function notifyComment(
  services: SandboxServices,
  account: InstagramAccount,
  comment: StoredComment,
  extras: Record<string, unknown> = {},
) {
  const media = services.state.media.get(comment.mediaId)!;
  services.background.later(services.echoDelayMs, () =>
    services.webhooks.deliver({
      igAccountId: account.igAccountId,
      payload: commentEnvelope(account.igAccountId, comment, media, extras),
      field: "comments",
    }));
}

/**
 * A private reply: `recipient: {comment_id}` on the Send API (§9 "Private Replies"). One message
 * per comment, within 7 days of it, to the person who wrote it; it lands in their inbox (or
 * requests) and the conversation exists from then on, but the 24 h window opens only when they
 * write back. Returns the message, echoed like any other send.
 */
export function sendPrivateReply(
  services: SandboxServices,
  host: GraphHost,
  account: InstagramAccount,
  commentId: string,
  content: { text?: string; attachments?: StoredMessage["attachments"] },
): StoredMessage {
  const { state } = services;
  const comment = state.comments.get(commentId);
  if (!comment || comment.deleted || comment.igAccountId !== account.igAccountId) {
    throw graphErrors.invalidParameter(`No comment ${commentId} on this account's media`);
  }
  if (!comment.leadId) {
    throw graphErrors.invalidParameter("A private reply cannot go to the account's own comment");
  }
  if (comment.privateReplyMid) throw privateReplySent();
  const now = Date.now();
  if (now - comment.createdAt > PRIVATE_REPLY_DAYS * DAY_MS) throw graphErrors.outsideWindow();
  const lead = state.leads.get(comment.leadId)!;
  if (account.dmsDisabled) throw graphErrors.dmsDisabled(host);
  if (lead.blocked) throw graphErrors.notReceiving(host);
  const thread = ensureConversation(state, account, lead, now);
  const stored: StoredMessage = {
    mid: messageId(account.igAccountId, threadIdOf(thread)),
    conversationId: thread.id,
    igAccountId: account.igAccountId,
    igsid: thread.igsid,
    direction: "outbound",
    createdAt: now,
    text: content.text,
    attachments: content.attachments,
    reactions: [],
  };
  state.messages.set(stored.mid, stored);
  thread.mids.push(stored.mid);
  thread.updatedAt = now;
  comment.privateReplyMid = stored.mid;
  return stored;
}

/** The error for a second private reply to one comment (its text is the sandbox's, README). */
const privateReplySent = () =>
  new GraphError(400, {
    message: "(#100) A private reply has already been sent for this comment",
    type: "IGApiException",
    code: 100,
  });
