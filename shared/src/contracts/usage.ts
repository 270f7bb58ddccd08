import { z } from "zod";
import { dateSchema, idSchema, timestampSchema } from "../schemas/common.ts";

export const usageQuerySchema = z.object({
  imo_id: idSchema,
  /** days of message counts, today (UTC) included */
  days: z.coerce.number().int().min(1).max(90).default(30),
  /** hours of Graph call counts, the current hour included */
  hours: z.coerce.number().int().min(1).max(168).default(48),
});

/** An IMO's usage: messages per UTC day, Graph calls per channel account and hour. */
export const usageResponseSchema = z.object({
  daily: z.array(z.object({
    date: dateSchema,
    messages_sent: z.number().int().nonnegative(),
    messages_received: z.number().int().nonnegative(),
  })),
  graph_calls: z.array(z.object({
    channel_account_id: idSchema,
    hour_start: timestampSchema,
    calls: z.number().int().nonnegative(),
  })),
});
export type UsageResponse = z.infer<typeof usageResponseSchema>;
