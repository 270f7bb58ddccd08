import {
  PLAN_FEATURES,
  type PlanFeature,
  type PlanFeatures,
} from "@dm-desk/shared/schemas/subscription-plan";

const FEATURE_LABELS: Record<PlanFeature, string> = {
  instagram_messaging: "Connect Instagram accounts and answer DMs together",
  instagram_scheduled_messages: "Schedule messages",
  instagram_templates: "Message templates",
};

/** Every feature the SPA knows, and whether the plan includes it (a missing key is off). */
export function planFeatureList(features: PlanFeatures) {
  return PLAN_FEATURES.map((feature) => ({
    feature,
    label: FEATURE_LABELS[feature],
    isIncluded: features[feature] === true,
  }));
}

const dollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});

/** "Free", or "$50 / month". */
export function formatPrice(monthlyPriceCents: number): string {
  return monthlyPriceCents === 0 ? "Free" : `${dollars.format(monthlyPriceCents / 100)} / month`;
}
