import { z } from "zod";
import { opportunityCategorySchema } from "../contracts/message-analysis.ts";
import { idSchema, timestampSchema } from "./common.ts";
import {
  aiModeSchema,
  conversationKindSchema,
  messageDirectionSchema,
  qualificationStateSchema,
} from "./enums.ts";

/**
 * A row of `conversations`: one inbox thread. The list fields and the messaging window
 * (`last_inbound_at`, `can_reply_until`, `human_agent_until`) are kept by the messages trigger;
 * `rules/messaging-window.ts` turns `last_inbound_at` into what the composer may do.
 */
export const conversationSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  channel_account_id: idSchema,
  contact_id: idSchema,
  /** `direct` (private messages) or `public` (a contact's Bluesky mentions and replies) */
  kind: conversationKindSchema,
  external_conversation_id: z.string().nullable(),
  last_message_at: timestampSchema.nullable(),
  last_message_preview: z.string().nullable(),
  // a text column with a check, not an enum, in the database; same two values
  last_message_direction: messageDirectionSchema.nullable(),
  unread_count: z.number().int().nonnegative(),
  last_read_at: timestampSchema.nullable(),
  last_inbound_at: timestampSchema.nullable(),
  can_reply_until: timestampSchema.nullable(),
  human_agent_until: timestampSchema.nullable(),
  only_story_mentions: z.boolean(),
  is_priority: z.boolean(),
  recruiting_lead_id: idSchema.nullable(),
  assigned_to: idSchema.nullable(),
  ai_mode: aiModeSchema,
  ai_takeover_until: timestampSchema.nullable(),
  ai_takeover_by: idSchema.nullable(),
  qualification_state: qualificationStateSchema,
  lead_source_type: z.string().nullable(),
  lead_source_ref: z.string().nullable(),
  lead_source_ad_id: z.string().nullable(),
  // Meta's referral object as first seen (ref, source, type, ad_id, ads_context_data...)
  lead_source_referral: z.record(z.string(), z.unknown()).nullable(),
  lead_source_at: timestampSchema.nullable(),
  archived_at: timestampSchema.nullable(),
  /** the opportunity the AI sees in it (message-analysis.ts); optional for rows from before it */
  ai_category: opportunityCategorySchema.nullable().optional(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export type Conversation = z.infer<typeof conversationSchema>;
