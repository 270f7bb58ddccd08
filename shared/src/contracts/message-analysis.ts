import { z } from "zod";
import { timestampSchema } from "../schemas/common.ts";

/**
 * The one analysis of an inbound message, whichever provider wrote it (the offline NLP model or an
 * LLM): the LLM's structured output is parsed with these same schemas, so a malformed answer is
 * caught here and the offline provider takes over.
 */

/** What the contact wants, from a fixed set; `order` is a shop order (size, colour, quantity). */
export const INTENTS = [
  "interested",
  "compensation_question",
  "requirements_question",
  "schedule_call",
  "not_interested",
  "order",
  "spam",
  "other",
] as const;
export const intentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof intentSchema>;

/** The conversation as an opportunity (seed 003): who the contact is to the IMO. */
export const OPPORTUNITY_CATEGORIES = [
  "candidate",
  "client_or_partner",
  "customer_order",
  "support",
  "spam",
  "other",
] as const;
export const opportunityCategorySchema = z.enum(OPPORTUNITY_CATEGORIES);
export type OpportunityCategory = z.infer<typeof opportunityCategorySchema>;

/** The 50 states and DC, as USPS codes. */
export const US_STATE_CODES = [
  "AL",
  "AK",
  "AZ",
  "AR",
  "CA",
  "CO",
  "CT",
  "DE",
  "DC",
  "FL",
  "GA",
  "HI",
  "ID",
  "IL",
  "IN",
  "IA",
  "KS",
  "KY",
  "LA",
  "ME",
  "MD",
  "MA",
  "MI",
  "MN",
  "MS",
  "MO",
  "MT",
  "NE",
  "NV",
  "NH",
  "NJ",
  "NM",
  "NY",
  "NC",
  "ND",
  "OH",
  "OK",
  "OR",
  "PA",
  "RI",
  "SC",
  "SD",
  "TN",
  "TX",
  "UT",
  "VT",
  "VA",
  "WA",
  "WV",
  "WI",
  "WY",
] as const;
export const usStateSchema = z.enum(US_STATE_CODES);
export type UsState = z.infer<typeof usStateSchema>;

/** A shop order as the contact wrote it; each part null when they did not say. */
export const orderEntitySchema = z.object({
  product: z.string().min(1).max(80).nullable(),
  size: z.string().min(1).max(20).nullable(),
  colour: z.string().min(1).max(30).nullable(),
  quantity: z.number().int().min(1).max(1000).nullable(),
});
export type OrderEntity = z.infer<typeof orderEntitySchema>;

/** A date or time the contact offered, resolved against the message's own time. */
export const availabilityEntitySchema = z.object({
  /** the words they used ("tomorrow at 3pm") */
  text: z.string().min(1).max(120),
  at: timestampSchema,
  /** false when only a day was named (the time is the day's start in the IMO's time zone) */
  has_time: z.boolean(),
});
export type AvailabilityEntity = z.infer<typeof availabilityEntitySchema>;

export const analysisEntitiesSchema = z.object({
  email: z.email().max(254).nullable(),
  /** E.164 */
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/).nullable(),
  us_state: usStateSchema.nullable(),
  years_experience: z.number().min(0).max(60).nullable(),
  licensed: z.boolean().nullable(),
  availability: availabilityEntitySchema.nullable(),
  order: orderEntitySchema.nullable(),
});
export type AnalysisEntities = z.infer<typeof analysisEntitiesSchema>;

export const NO_ENTITIES: AnalysisEntities = {
  email: null,
  phone: null,
  us_state: null,
  years_experience: null,
  licensed: null,
  availability: null,
  order: null,
};

/** What a provider answers for one message. */
export const messageAnalysisSchema = z.object({
  intent: intentSchema,
  confidence: z.number().min(0).max(1),
  entities: analysisEntitiesSchema,
  /** -1 (hostile) to 1 (delighted) */
  sentiment: z.number().min(-1).max(1),
  category: opportunityCategorySchema,
});
export type MessageAnalysis = z.infer<typeof messageAnalysisSchema>;

export const AI_PROVIDERS = ["offline", "openai", "anthropic", "openai_compatible"] as const;
export const aiProviderSchema = z.enum(AI_PROVIDERS);
export type AiProvider = z.infer<typeof aiProviderSchema>;

/** How an analysis was made (seed 001's AI metadata), stored beside it. */
export const analysisMetadataSchema = z.object({
  provider: aiProviderSchema,
  model: z.string(),
  tools_used: z.array(z.string()),
  latency_ms: z.number().int().min(0),
  /** set when the configured LLM failed and the offline provider answered instead */
  fallback_reason: z.string().nullable(),
});
export type AnalysisMetadata = z.infer<typeof analysisMetadataSchema>;
