import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";
import { scheduledMessageStatusSchema } from "./enums.ts";

/** Where a scheduled message comes from: a member, or the priority reminder rule. */
export const SCHEDULED_MESSAGE_ORIGINS = ["member", "auto_reminder"] as const;
export const scheduledMessageOriginSchema = z.enum(SCHEDULED_MESSAGE_ORIGINS);
export type ScheduledMessageOrigin = z.infer<typeof scheduledMessageOriginSchema>;

/**
 * A row of `scheduled_messages`: a reply queued for `scheduled_for`, or, with `wait_for_reply`,
 * for the contact's next message (`scheduled_for` is null until it comes, `released_at` says
 * when). `cancel_if_reply`: the contact writing first cancels it. `window_expires_at` is the reply
 * window as it stood when scheduled (or released); the sender re-checks the live window. With a
 * `template_id` the text is rendered again when it is sent; `text` is what it read when scheduled.
 * `lease_until`: a processor is sending it.
 */
export const scheduledMessageSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  channel_account_id: idSchema,
  conversation_id: idSchema,
  created_by: idSchema.nullable(),
  template_id: idSchema.nullable(),
  text: z.string(),
  scheduled_for: timestampSchema.nullable(),
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
  wait_for_reply: z.boolean(),
  cancel_if_reply: z.boolean(),
  origin: scheduledMessageOriginSchema,
  lease_until: timestampSchema.nullable(),
  released_at: timestampSchema.nullable(),
});

export type ScheduledMessage = z.infer<typeof scheduledMessageSchema>;
