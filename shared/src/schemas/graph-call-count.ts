import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";

/** A row of `graph_call_counts`: the Graph calls one channel account made in one UTC hour. */
export const graphCallCountSchema = z.object({
  imo_id: idSchema,
  channel_account_id: idSchema,
  hour_start: timestampSchema,
  calls: z.number().int().nonnegative(),
});

export type GraphCallCount = z.infer<typeof graphCallCountSchema>;
