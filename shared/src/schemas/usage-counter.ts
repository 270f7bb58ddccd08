import { z } from "zod";
import { dateSchema, idSchema, timestampSchema } from "./common.ts";

/**
 * A row of `usage_counters`: one IMO's count of one metric on one UTC day. `count` is a `bigint`:
 * PostgREST writes it as a JSON number, postgres.js reads it as a string; both parse to a number.
 */
export const usageCounterSchema = z.object({
  imo_id: idSchema,
  metric: z.string().regex(/^[a-z_]+$/),
  period_start: dateSchema,
  count: z.union([z.number(), z.string().regex(/^\d+$/)])
    .transform(Number)
    .pipe(z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
  updated_at: timestampSchema,
});

export type UsageCounter = z.infer<typeof usageCounterSchema>;
