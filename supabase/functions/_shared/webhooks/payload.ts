import { z } from "zod";

/**
 * Instagram messaging webhooks (docs/meta-platform.md §3). Parsed leniently: Meta adds fields over
 * time, so only what we store is checked. The objects we store whole (attachments, referrals, a
 * story replied to) keep every key; the others keep the keys we read, which zod checks several
 * times faster than a loose object, for every event of every delivery (parseMessagingEvent keeps
 * an event's unknown kinds).
 */
const id = z.union([z.string(), z.number()]).transform(String);

const attachment = z.looseObject({
  type: z.string(),
  payload: z.looseObject({}).nullish(),
});

export const messageSchema = z.object({
  mid: z.string().min(1),
  text: z.string().optional(),
  attachments: z.array(attachment).optional(),
  is_echo: z.boolean().optional(),
  is_deleted: z.boolean().optional(),
  is_unsupported: z.boolean().optional(),
  quick_reply: z.object({ payload: z.string() }).optional(),
  reply_to: z.object({
    mid: z.string().optional(),
    story: z.looseObject({ url: z.string().optional(), id: z.string().optional() }).optional(),
  }).optional(),
  referral: z.looseObject({}).optional(),
});

export const messagingEventSchema = z.object({
  sender: z.object({ id }),
  recipient: z.object({ id }),
  timestamp: z.number(),
  message: messageSchema.optional(),
  reaction: z.object({
    mid: z.string().min(1),
    action: z.enum(["react", "unreact"]),
    reaction: z.string().optional(),
    emoji: z.string().optional(),
  }).optional(),
  read: z.object({ mid: z.string().min(1) }).optional(),
  // Messenger's edit event, seen on Instagram too (docs/meta-platform.md §3); Meta's example
  // writes num_edit as a string
  message_edit: z.object({
    mid: z.string().min(1),
    text: z.string().optional(),
    num_edit: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  }).optional(),
  postback: z.object({
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
/** A messaging event: the kinds we apply, checked, and any other kind as it came. */
export type MessagingEvent = z.infer<typeof messagingEventSchema> & { [kind: string]: unknown };
export type MetaMessage = z.infer<typeof messageSchema>;

/** An event, or why it is not one; its keys the schema does not name are kept as they came. */
export function parseMessagingEvent(raw: unknown) {
  const parsed = messagingEventSchema.safeParse(raw);
  if (!parsed.success) return parsed;
  const event: MessagingEvent = parsed.data;
  for (const [key, value] of Object.entries(raw as object)) {
    if (!Object.hasOwn(messagingEventSchema.shape, key)) event[key] = value;
  }
  return { success: true as const, data: event };
}

export const webhookEnvelopeSchema = z.object({
  object: z.string(),
  entry: z.array(z.object({
    id,
    time: z.number().optional(),
    messaging: z.array(z.unknown()).optional(),
    // comments and mentions (comment-payload.ts): entry.changes[], or field and value on the entry
    changes: z.array(z.unknown()).optional(),
    field: z.string().optional(),
    value: z.unknown().optional(),
  })),
});

/** Messaging examples use milliseconds, other Graph examples seconds: normalised by magnitude. */
export function toDate(timestamp: number): Date {
  return new Date(timestamp < 100_000_000_000 ? timestamp * 1000 : timestamp);
}
