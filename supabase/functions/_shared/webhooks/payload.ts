import { z } from "zod";

/**
 * Instagram messaging webhooks (docs/meta-platform.md §3). Parsed leniently: Meta adds fields over
 * time, so unknown keys pass and only what we store is checked.
 */
const id = z.union([z.string(), z.number()]).transform(String);

const attachment = z.looseObject({
  type: z.string(),
  payload: z.looseObject({}).nullish(),
});

export const messageSchema = z.looseObject({
  mid: z.string().min(1),
  text: z.string().optional(),
  attachments: z.array(attachment).optional(),
  is_echo: z.boolean().optional(),
  is_deleted: z.boolean().optional(),
  is_unsupported: z.boolean().optional(),
  quick_reply: z.looseObject({ payload: z.string() }).optional(),
  reply_to: z.looseObject({
    mid: z.string().optional(),
    story: z.looseObject({ url: z.string().optional(), id: z.string().optional() }).optional(),
  }).optional(),
  referral: z.looseObject({}).optional(),
});

export const messagingEventSchema = z.looseObject({
  sender: z.looseObject({ id }),
  recipient: z.looseObject({ id }),
  timestamp: z.number(),
  message: messageSchema.optional(),
  reaction: z.looseObject({
    mid: z.string().min(1),
    action: z.enum(["react", "unreact"]),
    reaction: z.string().optional(),
    emoji: z.string().optional(),
  }).optional(),
  read: z.looseObject({ mid: z.string().min(1) }).optional(),
  // Messenger's edit event, seen on Instagram too (docs/meta-platform.md §3); Meta's example
  // writes num_edit as a string
  message_edit: z.looseObject({
    mid: z.string().min(1),
    text: z.string().optional(),
    num_edit: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  }).optional(),
  postback: z.looseObject({
    mid: z.string().optional(),
    title: z.string().optional(),
    payload: z.string().optional(),
  })
    .optional(),
  referral: z.looseObject({
    ref: z.string().optional(),
    source: z.string().optional(),
    type: z.string().optional(),
  })
    .optional(),
});
export type MessagingEvent = z.infer<typeof messagingEventSchema>;
export type MetaMessage = z.infer<typeof messageSchema>;

export const webhookEnvelopeSchema = z.looseObject({
  object: z.string(),
  entry: z.array(z.looseObject({
    id,
    time: z.number().optional(),
    messaging: z.array(z.unknown()).optional(),
  })),
});

/** Messaging examples use milliseconds, other Graph examples seconds: normalised by magnitude. */
export function toDate(timestamp: number): Date {
  return new Date(timestamp < 100_000_000_000 ? timestamp * 1000 : timestamp);
}
