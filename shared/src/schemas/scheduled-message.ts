import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";
import { scheduledMessageStatusSchema } from "./enums.ts";

/**
 * A row of `scheduled_messages`: a reply queued for `scheduled_for`. `window_expires_at` is the reply
 * window as it stood when scheduled; the sender re-checks the live window.
 */
export const scheduledMessageSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  channel_account_id: idSchema,
  conversation_id: idSchema,
  created_by: idSchema.nullable(),
  template_id: idSchema.nullable(),
  text: z.string(),
  scheduled_for: timestampSchema,
  window_expires_at: timestampSchema.nullable(),
  status: scheduledMessageStatusSchema,
  attempts: z.number().int().nonnegative(),
  last_error: z.string().nullable(),
  sent_message_id: idSchema.nullable(),
  sent_at: timestampSchema.nullable(),
  cancelled_at: timestampSchema.nullable(),
  cancelled_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export type ScheduledMessage = z.infer<typeof scheduledMessageSchema>;
