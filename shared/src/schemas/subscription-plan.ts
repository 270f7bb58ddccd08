import { z } from "zod";
import { timestampSchema } from "./common.ts";

/** The features the seeded plans switch on or off (`subscription_plans.features` keys). */
export const PLAN_FEATURES = [
  "instagram_messaging",
  "instagram_scheduled_messages",
  "instagram_templates",
] as const;
export const planFeatureSchema = z.enum(PLAN_FEATURES);
export type PlanFeature = z.infer<typeof planFeatureSchema>;

/**
 * `subscription_plans.features`: a feature is on when its key is `true`; a missing key is off (as in
 * `private.has_feature`). Keys this file does not know yet are kept, so a new feature in the database
 * does not break an older SPA.
 */
export const planFeaturesSchema = z.object({
  instagram_messaging: z.boolean().optional(),
  instagram_scheduled_messages: z.boolean().optional(),
  instagram_templates: z.boolean().optional(),
}).catchall(z.unknown());
export type PlanFeatures = z.infer<typeof planFeaturesSchema>;

/** A row of `subscription_plans` (reference rows `free`, `pro`, `team`). */
export const subscriptionPlanSchema = z.object({
  code: z.string().regex(/^[a-z_]+$/),
  name: z.string(),
  monthly_price_cents: z.number().int().nonnegative(),
  features: planFeaturesSchema,
  created_at: timestampSchema,
  /** listed in Settings › Plan and choosable by an owner */
  is_offered: z.boolean(),
});

export type SubscriptionPlan = z.infer<typeof subscriptionPlanSchema>;
