import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";
import { subscriptionStatusSchema } from "./enums.ts";

/** A row of `imo_subscriptions`: the plan an IMO is on. */
export const imoSubscriptionSchema = z.object({
  imo_id: idSchema,
  plan_code: z.string(),
  status: subscriptionStatusSchema,
  current_period_end: timestampSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export type ImoSubscription = z.infer<typeof imoSubscriptionSchema>;
