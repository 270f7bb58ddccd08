import { z } from "zod";
import { messageTextSchema } from "../rules/message-text.ts";
import { unknownVariables } from "../rules/template-variables.ts";
import { idSchema, timestampSchema } from "../schemas/common.ts";
import { aiModeSchema, qualificationStateSchema } from "../schemas/enums.ts";
import {
  aiProviderSchema,
  analysisEntitiesSchema,
  INTENTS,
  intentSchema,
  messageAnalysisSchema,
  opportunityCategorySchema,
} from "./message-analysis.ts";

/** ai-assistant: the AI panel of a conversation, its drafts, its mode and lease, and the settings. */

const httpsUrl = z.url({ protocol: /^https$/ }).max(500);

/** The IMO's AI settings as the settings page reads and writes them. */
export const aiSettingsSchema = z.object({
  default_mode: aiModeSchema,
  autopilot_threshold: z.number().min(0.5).max(1),
  lease_minutes: z.number().int().min(5).max(240),
  time_zone: z.string().min(1).max(64).refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "Not a time zone (e.g. America/New_York)"),
  reply_templates: z.partialRecord(
    intentSchema,
    messageTextSchema.refine(
      (text) => unknownVariables(text).every((name) => name === "booking_link"),
      "Use only {{first_name}}, {{last_name}}, {{full_name}}, {{username}}, {{recruiter_name}} and {{booking_link}}",
    ),
  ),
  instructions: z.string().max(4000).nullable(),
  booking_link: httpsUrl.nullable(),
  payment_link_template: httpsUrl.refine((url) => url.includes("{{amount}}"), {
    message: "Put {{amount}} where the amount goes",
  }).nullable(),
});
export type AiSettings = z.infer<typeof aiSettingsSchema>;

export const DEFAULT_AI_SETTINGS: AiSettings = {
  default_mode: "off",
  autopilot_threshold: 0.85,
  lease_minutes: 30,
  time_zone: "America/New_York",
  reply_templates: {},
  instructions: null,
  booking_link: null,
  payment_link_template: null,
};

/**
 * A connected account's own default AI mode for its new conversations (null: the IMO's
 * default_mode). Owners and admins set it in Settings › AI.
 */
export const accountAiDefaultSchema = z.object({
  id: idSchema,
  platform: z.string(),
  username: z.string().nullable(),
  default_mode: aiModeSchema.nullable(),
});
export type AccountAiDefault = z.infer<typeof accountAiDefaultSchema>;

/** PATCH ai-assistant/accounts/:id — the account's default mode, or null for the IMO's. */
export const setAccountAiDefaultSchema = z.object({ default_mode: aiModeSchema.nullable() });
export type SetAccountAiDefault = z.infer<typeof setAccountAiDefaultSchema>;
export const accountAiDefaultResponseSchema = z.object({ account: accountAiDefaultSchema });

export const aiSettingsResponseSchema = z.object({
  settings: aiSettingsSchema,
  /** the IMO's connected accounts with their own default mode (null: the IMO's) */
  accounts: z.array(accountAiDefaultSchema),
  /** which provider analyses messages, and whether the LLM is configured */
  provider: z.object({
    name: aiProviderSchema,
    model: z.string(),
    configured: z.boolean(),
  }),
  can_edit: z.boolean(),
});
export type AiSettingsResponse = z.infer<typeof aiSettingsResponseSchema>;

export const aiDraftSchema = z.object({
  id: idSchema,
  text: z.string(),
  reply_to_message_id: idSchema.nullable(),
  created_at: timestampSchema,
});
export type AiDraft = z.infer<typeof aiDraftSchema>;

export const qualificationTransitionSchema = z.object({
  from_state: qualificationStateSchema,
  to_state: qualificationStateSchema,
  moved_by_kind: z.enum(["person", "ai", "system"]),
  moved_by_name: z.string().nullable(),
  reason: z.string().nullable(),
  created_at: timestampSchema,
});

export const storedAnalysisSchema = messageAnalysisSchema.extend({
  message_id: idSchema,
  provider: aiProviderSchema,
  model: z.string(),
  tools_used: z.array(z.string()),
  latency_ms: z.number(),
  fallback_reason: z.string().nullable(),
  reply_outcome: z.string().nullable(),
  created_at: timestampSchema,
});
export type StoredAnalysis = z.infer<typeof storedAnalysisSchema>;

export const DEAL_STAGES = ["open", "won", "lost"] as const;
export const dealStageSchema = z.enum(DEAL_STAGES);

/** A deal a conversation led to (seed 001's `create_deal`). */
export const dealSchema = z.object({
  id: idSchema,
  conversation_id: idSchema,
  recruiting_lead_id: idSchema.nullable(),
  title: z.string(),
  amount: z.number().nullable(),
  currency: z.string(),
  stage: dealStageSchema,
  product: z.string().nullable(),
  size: z.string().nullable(),
  colour: z.string().nullable(),
  quantity: z.number().int().nullable(),
  /** ai: pre-filled from the AI's analysis of `analysis_message_id` and confirmed by a person */
  provenance: z.enum(["ai", "person"]),
  analysis_message_id: idSchema.nullable(),
  created_by_name: z.string().nullable(),
  created_at: timestampSchema,
});
export type Deal = z.infer<typeof dealSchema>;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/**
 * POST ai-assistant/conversations/:id/deals. With `from_analysis`, what the person left out is
 * taken from the conversation's latest order the AI read (product, size, colour, quantity), and
 * the deal records that analysis (provenance `ai`).
 */
export const createDealSchema = z.object({
  title: optionalText(200),
  amount: z.number().nonnegative().max(10_000_000).nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "A three-letter currency code (USD)").default("USD"),
  stage: dealStageSchema.default("open"),
  product: optionalText(200),
  size: optionalText(40),
  colour: optionalText(40),
  quantity: z.number().int().min(1).max(10_000).nullable().optional(),
  recruiting_lead_id: idSchema.nullable().optional(),
  from_analysis: z.boolean().default(false),
});
export type CreateDeal = z.input<typeof createDealSchema>;
export const dealResponseSchema = z.object({ deal: dealSchema });

/** GET ai-assistant/conversations/:id — everything the AI panel shows. */
export const aiPanelSchema = z.object({
  conversation_id: idSchema,
  mode: aiModeSchema,
  category: opportunityCategorySchema.nullable(),
  qualification_state: qualificationStateSchema,
  lease: z.object({
    until: timestampSchema.nullable(),
    by_name: z.string().nullable(),
  }),
  latest: storedAnalysisSchema.nullable(),
  /** the details the conversation has given so far (pre-fill the create-lead dialog) */
  known: analysisEntitiesSchema,
  transitions: z.array(qualificationTransitionSchema),
  draft: aiDraftSchema.nullable(),
  /** the conversation's deals, newest first */
  deals: z.array(dealSchema),
});
export type AiPanel = z.infer<typeof aiPanelSchema>;

export const approveDraftSchema = z.object({
  /** the text as the person left it; absent or unchanged: approved as written */
  text: messageTextSchema.optional(),
});
export type ApproveDraft = z.infer<typeof approveDraftSchema>;

export const setAiModeSchema = z.object({ mode: aiModeSchema });
export const takeOverSchema = z.object({ minutes: z.number().int().min(1).max(240).optional() });
export const setQualificationSchema = z.object({ state: qualificationStateSchema });

/** The "Close sale" shortcuts: the text to send, built from the IMO's links. */
export const closeSaleActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("booking_link") }),
  z.object({ action: z.literal("payment_link"), amount: z.number().positive().max(100_000) }),
]);
export type CloseSaleAction = z.infer<typeof closeSaleActionSchema>;
export const closeSaleTextSchema = z.object({ text: z.string() });

export const MODE_LABELS: Record<z.infer<typeof aiModeSchema>, string> = {
  off: "AI off",
  supervised: "Supervised",
  autopilot: "Autopilot",
};

export const INTENT_LABELS: Record<(typeof INTENTS)[number], string> = {
  interested: "Interested",
  compensation_question: "Pay question",
  requirements_question: "Requirements question",
  schedule_call: "Wants a call",
  not_interested: "Not interested",
  order: "Order",
  spam: "Spam",
  other: "Other",
};

export const approveDraftResponseSchema = z.object({
  message_id: idSchema,
  /** `already_sent`: the same draft was approved before; nothing went out twice */
  status: z.enum(["sent", "failed", "already_sent"]),
});
export const discardDraftResponseSchema = z.object({ discarded: z.literal(true) });
