import { z } from "zod";
import { messageTextSchema } from "../rules/message-text.ts";
import { idSchema, timestampSchema } from "../schemas/common.ts";
import { scheduledMessageSchema } from "../schemas/scheduled-message.ts";

/**
 * scheduled-messages: a member schedules a reply in a conversation, either for a time inside the
 * current 24 h window (`scheduled_for`) or for the contact's next message (`wait_for_reply`).
 * The text is `text`, or a template (`template_id`) rendered again when it is sent.
 * `cancel_if_reply`: if the contact writes before it goes out, it is cancelled instead.
 */
export const createScheduledMessageSchema = z.object({
  conversation_id: idSchema,
  text: messageTextSchema.optional(),
  template_id: idSchema.optional(),
  scheduled_for: timestampSchema.optional(),
  wait_for_reply: z.boolean().default(false),
  cancel_if_reply: z.boolean().default(false),
}).superRefine((body, ctx) => {
  if ((body.text === undefined) === (body.template_id === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: ["text"],
      message: "Give either text or template_id, not both and not neither",
    });
  }
  if ((body.scheduled_for === undefined) === !body.wait_for_reply) {
    ctx.addIssue({
      code: "custom",
      path: ["scheduled_for"],
      message: "Give either scheduled_for or wait_for_reply: true",
    });
  }
  if (body.wait_for_reply && body.cancel_if_reply) {
    ctx.addIssue({
      code: "custom",
      path: ["cancel_if_reply"],
      message: "A message that waits for their reply cannot be cancelled by it",
    });
  }
});
export type CreateScheduledMessage = z.input<typeof createScheduledMessageSchema>;

/**
 * A pending scheduled message changed by its author, an owner or an admin: a new time, or "when
 * they next write" instead, the cancel-if-reply option, the text. Only what is given changes.
 */
export const updateScheduledMessageSchema = z.object({
  scheduled_for: timestampSchema.optional(),
  wait_for_reply: z.literal(true).optional(),
  cancel_if_reply: z.boolean().optional(),
  text: messageTextSchema.optional(),
}).superRefine((body, ctx) => {
  if (Object.values(body).every((value) => value === undefined)) {
    ctx.addIssue({ code: "custom", path: [], message: "Nothing to change" });
  }
  if (body.scheduled_for !== undefined && body.wait_for_reply) {
    ctx.addIssue({
      code: "custom",
      path: ["scheduled_for"],
      message: "Give either scheduled_for or wait_for_reply: true",
    });
  }
});
export type UpdateScheduledMessage = z.infer<typeof updateScheduledMessageSchema>;

export const scheduledMessageListQuerySchema = z.object({ conversation_id: idSchema });

export const scheduledMessageResponseSchema = z.object({
  scheduled_message: scheduledMessageSchema,
});
/** pending ones first, soonest first (waiting for a reply last), then the rest, newest first */
export const scheduledMessageListResponseSchema = z.object({
  scheduled_messages: z.array(scheduledMessageSchema),
});
export type ScheduledMessageListResponse = z.infer<typeof scheduledMessageListResponseSchema>;

/** The priority reminder of an IMO: on or off, and the template it sends (null: `default_text`). */
export const reminderSettingsQuerySchema = z.object({ imo_id: idSchema });
export const updateReminderSettingsSchema = z.object({
  imo_id: idSchema,
  reminders_enabled: z.boolean().optional(),
  reminder_template_id: idSchema.nullable().optional(),
});
export type UpdateReminderSettings = z.infer<typeof updateReminderSettingsSchema>;
export const reminderSettingsResponseSchema = z.object({
  settings: z.object({
    imo_id: idSchema,
    reminders_enabled: z.boolean(),
    reminder_template_id: idSchema.nullable(),
    /** what a reminder says when no template is chosen (template variables filled when sent) */
    default_text: z.string(),
    /** a reminder goes to a priority conversation after this many hours without our reply */
    quiet_hours: z.number().int().positive(),
  }),
});
export type ReminderSettingsResponse = z.infer<typeof reminderSettingsResponseSchema>;

/**
 * instagram-process-scheduled and instagram-auto-reminder, called by pg_cron or on demand with
 * the service role key: optionally only some conversations.
 */
export const processScheduledRequestSchema = z.object({
  conversation_ids: z.array(idSchema).max(1000).optional(),
});
export type ProcessScheduledRequest = z.infer<typeof processScheduledRequestSchema>;
