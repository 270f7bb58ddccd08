import { z } from "zod";
import { commentTextSchema } from "../rules/comment-text.ts";
import { messageTextSchema } from "../rules/message-text.ts";
import { idSchema, timestampSchema } from "../schemas/common.ts";
import {
  channelPlatformSchema,
  commentAuthorKindSchema,
  commentStatusSchema,
  messageStatusSchema,
} from "../schemas/enums.ts";
import { inboxCursorSchema, pageLimitSchema, queryFlagSchema } from "./inbox-cursor.ts";
import { threadMessageSchema } from "./inbox-messages.ts";
import { intentSchema, opportunityCategorySchema } from "./message-analysis.ts";

/**
 * instagram-comments: the Comments view. Posts of the IMO's accounts that people comment on,
 * newest comment first (like conversations in the inbox), and each post's comment threads.
 */
export const postListQuerySchema = z.object({
  imo_id: idSchema,
  channel_account_id: idSchema.optional(),
  priority: queryFlagSchema.optional(),
  unread: queryFlagSchema.optional(),
  assignee: z.enum(["me", "unassigned"]).optional(),
  cursor: inboxCursorSchema.optional(),
  limit: pageLimitSchema(100, 30),
});
export type PostListQuery = z.input<typeof postListQuerySchema>;

export const assigneeSchema = z.object({
  user_id: idSchema,
  display_name: z.string().nullable(),
});

export const inboxPostSchema = z.object({
  id: idSchema,
  channel_account_id: idSchema,
  platform: channelPlatformSchema,
  /** Meta's media id */
  external_id: z.string(),
  /** FEED, REELS, AD, ... */
  media_product_type: z.string().nullable(),
  caption: z.string().nullable(),
  permalink: z.string().nullable(),
  thumbnail_url: z.string().nullable(),
  posted_at: timestampSchema.nullable(),
  last_comment_at: timestampSchema.nullable(),
  preview: z.string().nullable(),
  comment_count: z.number().int().nonnegative(),
  unread_count: z.number().int().nonnegative(),
  is_priority: z.boolean(),
  assignee: assigneeSchema.nullable(),
});
export type InboxPost = z.infer<typeof inboxPostSchema>;

export const postListResponseSchema = z.object({
  posts: z.array(inboxPostSchema),
  next_cursor: z.string().nullable(),
  /** per channel account of the IMO with unread comments, for the sidebar */
  unread_by_account: z.array(z.object({
    channel_account_id: idSchema,
    unread_posts: z.number().int().positive(),
    unread_comments: z.number().int().positive(),
  })),
});
export type PostListResponse = z.infer<typeof postListResponseSchema>;

/** A comment as a thread shows it. */
export const threadCommentSchema = z.object({
  id: idSchema,
  post_id: idSchema,
  /** the thread's top-level comment; null for a top-level comment */
  parent_id: idSchema.nullable(),
  external_id: z.string().nullable(),
  author: z.object({
    /** `contact` (the commenter), `user` (a member's reply), `automation`, `native_app` (the account, from Instagram's app) */
    kind: commentAuthorKindSchema,
    contact_id: idSchema.nullable(),
    username: z.string().nullable(),
    user_id: idSchema.nullable(),
    display_name: z.string().nullable(),
  }),
  text: z.string(),
  /** every version, oldest first, the first included; empty when never edited */
  edits: z.array(z.object({ text: z.string(), at: timestampSchema })),
  status: commentStatusSchema,
  error: z.object({ code: z.string().nullable(), message: z.string().nullable() }).nullable(),
  commented_at: timestampSchema,
  edited_at: timestampSchema.nullable(),
  hidden_at: timestampSchema.nullable(),
  deleted_at: timestampSchema.nullable(),
  /** written after the post was last marked read */
  is_unread: z.boolean(),
  /** the one private reply Meta allows, linked to its conversation */
  private_reply: z.object({
    message_id: idSchema,
    conversation_id: idSchema,
    status: messageStatusSchema,
  }).nullable(),
  /** until when a private reply may go (a contact's comment, 7 days); null for our own */
  private_reply_until: timestampSchema.nullable(),
  /** the AI's reading of a contact's comment, once analysed (comment_analyses) */
  ai: z.object({
    intent: intentSchema,
    confidence: z.number(),
    category: opportunityCategorySchema,
  }).nullable(),
});
export type ThreadComment = z.infer<typeof threadCommentSchema>;

export const commentThreadSchema = z.object({
  comment: threadCommentSchema,
  /** oldest first */
  replies: z.array(threadCommentSchema),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

export const postCommentsQuerySchema = z.object({
  cursor: inboxCursorSchema.optional(),
  limit: pageLimitSchema(50, 20),
});
export type PostCommentsQuery = z.input<typeof postCommentsQuerySchema>;

export const postCommentsResponseSchema = z.object({
  post: inboxPostSchema,
  /** newest thread first */
  threads: z.array(commentThreadSchema),
  next_cursor: z.string().nullable(),
});
export type PostCommentsResponse = z.infer<typeof postCommentsResponseSchema>;

/** What a member may do to a post from the Comments view. */
export const postTriageRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("mark_read") }),
  z.object({ action: z.literal("set_priority"), is_priority: z.boolean() }),
  /** `user_id: null` unassigns; otherwise a member of the post's IMO */
  z.object({ action: z.literal("assign"), user_id: idSchema.nullable() }),
]);
export type PostTriageRequest = z.infer<typeof postTriageRequestSchema>;

export const postResponseSchema = z.object({ post: inboxPostSchema });
export type PostResponse = z.infer<typeof postResponseSchema>;

/** One comment, to find its post (a private reply in Messages links to its comment). */
export const threadCommentResponseSchema = z.object({ comment: threadCommentSchema });
export type ThreadCommentResponse = z.infer<typeof threadCommentResponseSchema>;

/** A public reply in a comment's thread; the key makes a repeated request the same reply. */
export const publicReplyRequestSchema = z.object({
  client_comment_id: idSchema,
  text: commentTextSchema,
});
export type PublicReplyRequest = z.infer<typeof publicReplyRequestSchema>;

export const commentResponseSchema = z.object({
  comment: threadCommentSchema,
  /** this key (or this action) had already been handled: no new call to Meta */
  replayed: z.boolean(),
});
export type CommentResponse = z.infer<typeof commentResponseSchema>;

/**
 * A private reply (Meta's Private Replies): text, or a template rendered for the commenter. One
 * per comment, within 7 days of it; it opens (or continues) the conversation with them.
 */
export const privateReplyRequestSchema = z.object({
  client_message_id: idSchema,
  text: messageTextSchema.optional(),
  template_id: idSchema.optional(),
}).refine((body) => (body.text === undefined) !== (body.template_id === undefined), {
  message: "Send either text or template_id",
  path: ["text"],
});
export type PrivateReplyRequest = z.infer<typeof privateReplyRequestSchema>;

export const privateReplyResponseSchema = z.object({
  message: threadMessageSchema,
  comment: threadCommentSchema,
  replayed: z.boolean(),
});
export type PrivateReplyResponse = z.infer<typeof privateReplyResponseSchema>;

export const hideCommentRequestSchema = z.object({ hidden: z.boolean() });
export type HideCommentRequest = z.infer<typeof hideCommentRequestSchema>;

/**
 * An account's recent posts from Instagram (commented on or not), to aim a keyword rule at one
 * before anyone has commented; they are stored as posts.
 */
export const recentPostSchema = z.object({
  id: idSchema,
  channel_account_id: idSchema,
  external_id: z.string(),
  caption: z.string().nullable(),
  thumbnail_url: z.string().nullable(),
  permalink: z.string().nullable(),
  posted_at: timestampSchema.nullable(),
});
export type RecentPost = z.infer<typeof recentPostSchema>;
export const recentPostsResponseSchema = z.object({ posts: z.array(recentPostSchema) });
export type RecentPostsResponse = z.infer<typeof recentPostsResponseSchema>;
