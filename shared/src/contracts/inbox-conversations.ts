import { z } from "zod";
import { idSchema, timestampSchema } from "../schemas/common.ts";
import {
  channelPlatformSchema,
  conversationKindSchema,
  leadStatusSchema,
  messageAuthorKindSchema,
  messageDirectionSchema,
} from "../schemas/enums.ts";
import { inboxCursorSchema, pageLimitSchema, queryFlagSchema } from "./inbox-cursor.ts";
import { opportunityCategorySchema } from "./message-analysis.ts";

/**
 * Where a conversation's messaging window stands (see rules/messaging-window.ts): `open` and
 * `closing_soon` inside 24 h, `human_agent` from 24 h to 7 d (only a person, with the tag),
 * `closed` after that or before the contact ever wrote.
 */
export const WINDOW_FILTERS = ["open", "closing_soon", "human_agent", "closed"] as const;
export const windowFilterSchema = z.enum(WINDOW_FILTERS);
export type WindowFilter = z.infer<typeof windowFilterSchema>;

/**
 * The inbox list's filters; every one is optional and they combine with "and". `window=open` means
 * anyone may still reply (closing soon included); the other values match `window.state`.
 */
export const conversationListQuerySchema = z.object({
  imo_id: idSchema,
  /** the channel tab: Instagram (the default), Bluesky, or every channel together */
  platform: z.enum(["instagram", "bluesky", "all"]).optional(),
  channel_account_id: idSchema.optional(),
  /** contact username, name or last message preview, at least 2 characters */
  q: z.string().trim().min(2).max(100).optional(),
  priority: queryFlagSchema.optional(),
  unread: queryFlagSchema.optional(),
  window: windowFilterSchema.optional(),
  assignee: z.enum(["me", "unassigned"]).optional(),
  /** archived conversations instead of the inbox */
  archived: queryFlagSchema.optional(),
  /** the opportunity the AI sees in the conversation (issue 13) */
  category: opportunityCategorySchema.optional(),
  cursor: inboxCursorSchema.optional(),
  limit: pageLimitSchema(100, 50),
});
export type ConversationListQuery = z.input<typeof conversationListQuerySchema>;

export const conversationWindowSchema = z.object({
  state: windowFilterSchema,
  /** end of the 24 h window (exclusive); null before the contact ever wrote */
  reply_until: timestampSchema.nullable(),
  /** end of the 7-day human-agent horizon (exclusive) */
  human_agent_until: timestampSchema.nullable(),
  /** seconds left of the 24 h window, or of the 7-day horizon in `human_agent`; 0 when closed */
  seconds_left: z.number().int().nonnegative(),
});
export type ConversationWindow = z.infer<typeof conversationWindowSchema>;

export const inboxConversationSchema = z.object({
  id: idSchema,
  channel_account_id: idSchema,
  platform: channelPlatformSchema,
  contact: z.object({
    id: idSchema,
    username: z.string().nullable(),
    display_name: z.string().nullable(),
    profile_picture_url: z.string().nullable(),
  }),
  preview: z.string().nullable(),
  /** null only for a thread without any message, which lists leave out */
  last_message_at: timestampSchema.nullable(),
  last_message_direction: messageDirectionSchema.nullable(),
  /**
   * The newest message is a reply that did not go out (status `failed`): the conversation only
   * looks answered. Optional: older servers do not send it
   */
  last_message_failed: z.boolean().optional(),
  /**
   * Who wrote the newest message: "You:", a teammate's name, "AI:" before an outbound preview.
   * Optional: older servers do not send it
   */
  last_message_author: z.object({
    kind: messageAuthorKindSchema,
    user_id: idSchema.nullable(),
    display_name: z.string().nullable(),
  }).nullable().optional(),
  unread_count: z.number().int().nonnegative(),
  /**
   * Meta's messaging window, worked out from the contact's last message. Bluesky has no window:
   * the field means nothing on its conversations, and the inbox shows no indicator for them
   */
  window: conversationWindowSchema,
  /** `direct` (private messages) or `public` (a Bluesky contact's mentions and replies) */
  kind: conversationKindSchema.optional(),
  is_priority: z.boolean(),
  assignee: z.object({ user_id: idSchema, display_name: z.string().nullable() }).nullable(),
  lead: z.object({ id: idSchema, full_name: z.string(), status: leadStatusSchema }).nullable(),
  archived_at: timestampSchema.nullable(),
  /** the opportunity the AI sees in it; null until a message is analysed (optional: older servers) */
  category: opportunityCategorySchema.nullable().optional(),
});
export type InboxConversation = z.infer<typeof inboxConversationSchema>;

export const conversationListResponseSchema = z.object({
  conversations: z.array(inboxConversationSchema),
  /** pass back as `cursor` for the next page; null on the last page */
  next_cursor: z.string().nullable(),
  /** per channel account of the IMO with anything unread (archived left out), for the sidebar */
  unread_by_account: z.array(z.object({
    channel_account_id: idSchema,
    unread_conversations: z.number().int().positive(),
    unread_messages: z.number().int().positive(),
  })),
});
export type ConversationListResponse = z.infer<typeof conversationListResponseSchema>;

/** What a member may do to a conversation from the inbox (conversation-triage). */
export const triageRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("mark_read"), conversation_id: idSchema }),
  z.object({
    action: z.literal("set_priority"),
    conversation_id: idSchema,
    is_priority: z.boolean(),
  }),
  /** `user_id: null` unassigns; otherwise a member of the conversation's IMO */
  z.object({
    action: z.literal("assign"),
    conversation_id: idSchema,
    user_id: idSchema.nullable(),
  }),
  z.object({ action: z.literal("archive"), conversation_id: idSchema, archived: z.boolean() }),
]);
export type TriageRequest = z.infer<typeof triageRequestSchema>;

/** The conversation after the change, as the inbox lists it. */
export const triageResponseSchema = z.object({ conversation: inboxConversationSchema });
export type TriageResponse = z.infer<typeof triageResponseSchema>;
