import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";
import {
  messageAuthorKindSchema,
  messageDirectionSchema,
  messageStatusSchema,
  messageTypeSchema,
} from "./enums.ts";

/** The attachment kinds stored in `messages.attachments` (Meta's names). */
export const MESSAGE_ATTACHMENT_TYPES = [
  "image",
  "video",
  "audio",
  "file",
  "share",
  "ig_post",
  "ig_reel",
  "reel",
  "story_mention",
] as const;
export const messageAttachmentTypeSchema = z.enum(MESSAGE_ATTACHMENT_TYPES);
export type MessageAttachmentType = z.infer<typeof messageAttachmentTypeSchema>;

/**
 * One element of `messages.attachments`: `{type, url?, ...payload}` as Meta sends it (the payload's
 * fields flattened beside `type`, e.g. `title`, `reel_video_id`), so unknown keys are kept. The URL
 * must be http(s): the SPA puts it in `src` and `href`.
 */
export const messageAttachmentSchema = z.looseObject({
  type: messageAttachmentTypeSchema,
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

/** Who reacted: the contact, or us (any member, or the native app). */
export const MESSAGE_REACTORS = ["contact", "user"] as const;
export const messageReactorSchema = z.enum(MESSAGE_REACTORS);
export type MessageReactor = z.infer<typeof messageReactorSchema>;

/** One element of `messages.reactions`: Meta's `reaction` name (`love`, `other`...) and its emoji. */
export const messageReactionSchema = z.object({
  by: messageReactorSchema,
  reaction: z.string().min(1),
  emoji: z.string().min(1).optional(),
  at: timestampSchema,
});
export type MessageReaction = z.infer<typeof messageReactionSchema>;

/** One version of an edited message (`messages.edits`): num_edit 0 is the text as first sent. */
export const messageEditSchema = z.object({
  num_edit: z.number().int().nullable(),
  text: z.string().nullable(),
  at: timestampSchema,
});
export type MessageEdit = z.infer<typeof messageEditSchema>;

/** `messages.reply_to_story`: the story a contact replied to, as Meta sends it (`{id, url}`). */
export const replyToStorySchema = z.looseObject({
  id: z.string().optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type ReplyToStory = z.infer<typeof replyToStorySchema>;

/** A strong reference to an AT Protocol record (docs/bluesky.md §4). */
export const postRefSchema = z.object({
  uri: z.string().startsWith("at://"),
  cid: z.string().min(1),
});
export type PostRef = z.infer<typeof postRefSchema>;

/**
 * `messages.post`: a message that is a public post (Bluesky): its own reference, the thread's root
 * and the parent it answers (null for a post that answers nothing), its web address, its facets
 * and why we were notified (`mention` or `reply`; absent on our own posts).
 */
export const messagePostSchema = postRefSchema.extend({
  root: postRefSchema,
  parent: postRefSchema.nullable(),
  url: z.url({ protocol: /^https?$/ }),
  facets: z.array(z.looseObject({})).optional(),
  reason: z.enum(["mention", "reply"]).optional(),
});
export type MessagePost = z.infer<typeof messagePostSchema>;

/**
 * The rule an automated message was sent by (`messages.automation_rule`); `comment_rule` is a
 * keyword rule's private reply to a comment (its rule in `messages.comment_rule_id`).
 */
export const AUTOMATION_RULES = ["scheduled_message", "auto_reminder", "comment_rule"] as const;
export const automationRuleSchema = z.enum(AUTOMATION_RULES);
export type AutomationRule = z.infer<typeof automationRuleSchema>;

/** `messages.ai_review`: how a message the AI wrote was sent. */
export const AI_REVIEWS = ["approved", "edited", "autopilot"] as const;
export const aiReviewSchema = z.enum(AI_REVIEWS);
export type AiReview = z.infer<typeof aiReviewSchema>;

/**
 * A row of `messages`. Besides the column types, the table's checks hold: inbound messages are the
 * contact's and only inbound ones are; a `user` message names its author.
 */
export const messageSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  channel_account_id: idSchema,
  conversation_id: idSchema,
  external_id: z.string().nullable(),
  client_message_id: idSchema.nullable(),
  direction: messageDirectionSchema,
  author_kind: messageAuthorKindSchema,
  author_user_id: idSchema.nullable(),
  type: messageTypeSchema,
  text: z.string().nullable(),
  /** every version of an edited message, oldest first; empty when never edited */
  edits: z.array(messageEditSchema),
  attachments: z.array(messageAttachmentSchema),
  reactions: z.array(messageReactionSchema),
  /** the time of the latest reaction event applied, per reactor (an unreact leaves no reaction) */
  reactions_changed_at: z.partialRecord(messageReactorSchema, timestampSchema),
  reply_to_message_id: idSchema.nullable(),
  reply_to_external_id: z.string().nullable(),
  reply_to_story: replyToStorySchema.nullable(),
  post: messagePostSchema.nullable(),
  quick_reply_payload: z.string().nullable(),
  postback_payload: z.string().nullable(),
  status: messageStatusSchema,
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  sent_at: timestampSchema,
  delivered_at: timestampSchema.nullable(),
  read_at: timestampSchema.nullable(),
  deleted_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  /** automation's provenance: the schedule it went out for and the rule that wrote it */
  scheduled_message_id: idSchema.nullable(),
  automation_rule: automationRuleSchema.nullable(),
  /**
   * the AI's provenance (issue 13): how an AI message left ("approved" or "edited" by the person
   * in author_user_id, or "autopilot"; null on drafts) and the inbound message it answers.
   * Optional: rows written before the AI shipped, and fixtures, may lack them.
   */
  ai_review: aiReviewSchema.nullable().optional(),
  ai_reply_to_message_id: idSchema.nullable().optional(),
  /** a private reply: the comment it answers (Meta's Private Replies), and the keyword rule that sent it */
  private_reply_to_comment_id: idSchema.nullable(),
  comment_rule_id: idSchema.nullable(),
}).superRefine((message, ctx) => {
  if ((message.direction === "inbound") !== (message.author_kind === "contact")) {
    ctx.addIssue({
      code: "custom",
      path: ["author_kind"],
      message: "inbound messages are written by the contact, and only inbound messages are",
    });
  }
  if (message.author_kind === "user" && message.author_user_id === null) {
    ctx.addIssue({
      code: "custom",
      path: ["author_user_id"],
      message: "a message written by a user names that user",
    });
  }
});

export type Message = z.infer<typeof messageSchema>;
