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

/** `messages.reply_to_story`: the story a contact replied to, as Meta sends it (`{id, url}`). */
export const replyToStorySchema = z.looseObject({
  id: z.string().optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type ReplyToStory = z.infer<typeof replyToStorySchema>;

/**
 * The rule an automated message was sent by (`messages.automation_rule`); `comment_rule` is a
 * keyword rule's private reply to a comment (its rule in `messages.comment_rule_id`).
 */
export const AUTOMATION_RULES = ["scheduled_message", "auto_reminder", "comment_rule"] as const;
export const automationRuleSchema = z.enum(AUTOMATION_RULES);
export type AutomationRule = z.infer<typeof automationRuleSchema>;

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
  attachments: z.array(messageAttachmentSchema),
  reactions: z.array(messageReactionSchema),
  reply_to_message_id: idSchema.nullable(),
  reply_to_external_id: z.string().nullable(),
  reply_to_story: replyToStorySchema.nullable(),
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
