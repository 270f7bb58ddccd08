import { z } from "zod";

/**
 * The Postgres enums of `supabase/migrations/`, value for value and in the same order. Each comes as
 * its values (for filters and selects), its zod schema and its type.
 */

/** `imo_role`: what a member may do in an IMO. */
export const IMO_ROLES = ["owner", "admin", "recruiter"] as const;
export const imoRoleSchema = z.enum(IMO_ROLES);
export type ImoRole = z.infer<typeof imoRoleSchema>;

/** `subscription_status`: only `trialing` and `active` unlock a plan's features. */
export const SUBSCRIPTION_STATUSES = ["trialing", "active", "past_due", "canceled"] as const;
export const subscriptionStatusSchema = z.enum(SUBSCRIPTION_STATUSES);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

/** `channel_platform`: where a connected account lives. */
export const CHANNEL_PLATFORMS = ["instagram", "facebook", "bluesky"] as const;
export const channelPlatformSchema = z.enum(CHANNEL_PLATFORMS);
export type ChannelPlatform = z.infer<typeof channelPlatformSchema>;

/** `channel_auth_path`: how the account was connected. */
export const CHANNEL_AUTH_PATHS = ["instagram_login", "facebook_login", "app_password"] as const;
export const channelAuthPathSchema = z.enum(CHANNEL_AUTH_PATHS);
export type ChannelAuthPath = z.infer<typeof channelAuthPathSchema>;

/** `channel_status`: whether the account can send and receive. */
export const CHANNEL_STATUSES = ["connected", "disconnected", "expired", "error"] as const;
export const channelStatusSchema = z.enum(CHANNEL_STATUSES);
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

/** `lead_source`: where a recruiting lead came from. */
export const LEAD_SOURCES = ["manual", "website", "instagram_dm", "referral"] as const;
export const leadSourceSchema = z.enum(LEAD_SOURCES);
export type LeadSource = z.infer<typeof leadSourceSchema>;

/** `lead_status`: a lead's place in the recruiting pipeline. */
export const LEAD_STATUSES = [
  "new",
  "contacted",
  "qualified",
  "interviewing",
  "hired",
  "lost",
] as const;
export const leadStatusSchema = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

/** `ai_mode`: how much the AI may do in a conversation. */
export const AI_MODES = ["off", "supervised", "autopilot"] as const;
export const aiModeSchema = z.enum(AI_MODES);
export type AiMode = z.infer<typeof aiModeSchema>;

/** `qualification_state`: where a conversation stands in qualifying the contact. */
export const QUALIFICATION_STATES = ["new", "qualifying", "qualified", "booked", "closed"] as const;
export const qualificationStateSchema = z.enum(QUALIFICATION_STATES);
export type QualificationState = z.infer<typeof qualificationStateSchema>;

/**
 * `conversation_kind`: `direct` for private messages, `public` for a contact's posts that mention or
 * reply to the account (Bluesky). A contact has at most one conversation of each kind.
 */
export const CONVERSATION_KINDS = ["direct", "public"] as const;
export const conversationKindSchema = z.enum(CONVERSATION_KINDS);
export type ConversationKind = z.infer<typeof conversationKindSchema>;

/** `message_direction`: from the contact (`inbound`) or to them (`outbound`). */
export const MESSAGE_DIRECTIONS = ["inbound", "outbound"] as const;
export const messageDirectionSchema = z.enum(MESSAGE_DIRECTIONS);
export type MessageDirection = z.infer<typeof messageDirectionSchema>;

/**
 * `message_author_kind`: who wrote a message. `native_app` is a person typing in the Instagram app,
 * seen only as an echo; it counts as a human reply.
 */
export const MESSAGE_AUTHOR_KINDS = ["contact", "user", "ai", "automation", "native_app"] as const;
export const messageAuthorKindSchema = z.enum(MESSAGE_AUTHOR_KINDS);
export type MessageAuthorKind = z.infer<typeof messageAuthorKindSchema>;

/** `message_type`: what a message is, which decides how it renders and its preview. */
export const MESSAGE_TYPES = [
  "text",
  "media",
  "story_reply",
  "story_mention",
  "share",
  "ig_post",
  "reel",
  "postback",
  "unsupported",
] as const;
export const messageTypeSchema = z.enum(MESSAGE_TYPES);
export type MessageType = z.infer<typeof messageTypeSchema>;

/** `message_status`: a message's delivery state. */
export const MESSAGE_STATUSES = [
  "draft",
  "pending",
  "sent",
  "delivered",
  "read",
  "failed",
] as const;
export const messageStatusSchema = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** `template_category`: how message templates are grouped. */
export const TEMPLATE_CATEGORIES = ["greeting", "follow_up", "scheduling"] as const;
export const templateCategorySchema = z.enum(TEMPLATE_CATEGORIES);
export type TemplateCategory = z.infer<typeof templateCategorySchema>;

/** `scheduled_message_status`: where a scheduled message is in its life. */
export const SCHEDULED_MESSAGE_STATUSES = [
  "pending",
  "sent",
  "cancelled",
  "failed",
  "expired",
] as const;
export const scheduledMessageStatusSchema = z.enum(SCHEDULED_MESSAGE_STATUSES);
export type ScheduledMessageStatus = z.infer<typeof scheduledMessageStatusSchema>;

/** `comment_author_kind`: who wrote a comment (our account typed in Instagram's app: `native_app`). */
export const COMMENT_AUTHOR_KINDS = ["contact", "user", "automation", "native_app"] as const;
export const commentAuthorKindSchema = z.enum(COMMENT_AUTHOR_KINDS);
export type CommentAuthorKind = z.infer<typeof commentAuthorKindSchema>;

/** `comment_status`: a reply of ours on its way to Instagram; every other comment is `sent`. */
export const COMMENT_STATUSES = ["pending", "sent", "failed"] as const;
export const commentStatusSchema = z.enum(COMMENT_STATUSES);
export type CommentStatus = z.infer<typeof commentStatusSchema>;

/** `comment_rule_run_status`: one keyword rule firing for a person on a post. */
export const COMMENT_RULE_RUN_STATUSES = [
  "queued",
  "sending",
  "sent",
  "failed",
  "skipped",
] as const;
export const commentRuleRunStatusSchema = z.enum(COMMENT_RULE_RUN_STATUSES);
export type CommentRuleRunStatus = z.infer<typeof commentRuleRunStatusSchema>;
