import { z } from "zod";

/** What the `health` function answers. */
export const healthResponseSchema = z.object({
  status: z.literal("ok"),
  database: z.object({ status: z.literal("up"), latency_ms: z.number().nonnegative() }),
  role: z.string().nullable(),
  user_id: z.string().nullable(),
  time: z.iso.datetime(),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
