import { z } from "zod";
import { idSchema, timestampSchema } from "../schemas/common.ts";
import {
  messageAuthorKindSchema,
  messageDirectionSchema,
  messageStatusSchema,
  messageTypeSchema,
} from "../schemas/enums.ts";
import {
  aiReviewSchema,
  automationRuleSchema,
  messageAttachmentSchema,
  messagePostSchema,
  messageReactionSchema,
  replyToStorySchema,
} from "../schemas/message.ts";
import { inboxCursorSchema, pageLimitSchema } from "./inbox-cursor.ts";

export const messageListQuerySchema = z.object({
  conversation_id: idSchema,
  cursor: inboxCursorSchema.optional(),
  limit: pageLimitSchema(200, 50),
});
export type MessageListQuery = z.input<typeof messageListQuerySchema>;

/** A message as the thread shows it: who wrote it, what it answers, where it stands. */
export const threadMessageSchema = z.object({
  id: idSchema,
  conversation_id: idSchema,
  direction: messageDirectionSchema,
  type: messageTypeSchema,
  text: z.string().nullable(),
  attachments: z.array(messageAttachmentSchema),
  reactions: z.array(messageReactionSchema),
  /**
   * `contact` (inbound), `user` (a member, named), `ai`, `automation`, or `native_app` (sent from
   * Instagram's own app, seen through its echo)
   */
  author: z.object({
    kind: messageAuthorKindSchema,
    user_id: idSchema.nullable(),
    display_name: z.string().nullable(),
    /**
     * only on an `automation` message, its provenance: the rule that sent it and the scheduled
     * message it went out for (`user_id` is who scheduled it, when a person did)
     */
    automation: z.object({
      rule: automationRuleSchema,
      scheduled_message_id: idSchema.nullable(),
    }).optional(),
    /**
     * only on an `ai` message that was sent: "approved" or "edited" by the person in `user_id`,
     * or "autopilot"
     */
    ai_review: aiReviewSchema.optional(),
  }),
  reply_to: z.object({
    message_id: idSchema.nullable(),
    external_id: z.string().nullable(),
    story: replyToStorySchema.nullable(),
  }).nullable(),
  status: messageStatusSchema,
  /**
   * Why a send failed: Meta's `code` or `code/subcode` and message. `may_have_been_sent`: Meta may
   * have delivered it anyway (1/1357046, or our request timed out); a retry needs confirmation.
   */
  error: z.object({
    code: z.string().nullable(),
    message: z.string().nullable(),
    may_have_been_sent: z.boolean(),
  }).nullable(),
  /** Meta's id: present once Meta has the message */
  external_id: z.string().nullable(),
  /** a private reply: the comment it answers (the Comments page opens it) */
  private_reply_to_comment_id: idSchema.nullable().optional(),
  sent_at: timestampSchema,
  delivered_at: timestampSchema.nullable(),
  read_at: timestampSchema.nullable(),
  deleted_at: timestampSchema.nullable(),
  /** a public post (Bluesky): its thread references and web address; absent on direct messages */
  post: messagePostSchema.nullable().optional(),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export const messageListResponseSchema = z.object({
  /** newest first */
  messages: z.array(threadMessageSchema),
  next_cursor: z.string().nullable(),
});
export type MessageListResponse = z.infer<typeof messageListResponseSchema>;
