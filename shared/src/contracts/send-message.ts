import { z } from "zod";
import { idSchema } from "../schemas/common.ts";
import { messageTextSchema } from "../rules/message-text.ts";
import { threadMessageSchema } from "./inbox-messages.ts";

/**
 * instagram-send-message: a person's reply in a conversation, either text (at most 1000 UTF-8
 * bytes, as Meta counts) or one image by URL (Meta sends one or the other per message).
 * `client_message_id` is the composer's idempotency key: the same key again is the same message,
 * and Meta is called once.
 */
export const sendMessageRequestSchema = z.object({
  conversation_id: idSchema,
  client_message_id: idSchema,
  text: messageTextSchema.optional(),
  /** an image Meta fetches from this https URL */
  image_url: z.url({ protocol: /^https$/ }).optional(),
}).refine((body) => (body.text === undefined) !== (body.image_url === undefined), {
  message: "Send either text or image_url, not both and not neither",
  path: ["text"],
});
export type SendMessageRequest = z.infer<typeof sendMessageRequestSchema>;

/**
 * instagram-retry-message: a failed reply tried again (the same message, a new attempt). When Meta
 * said it may have been sent anyway (`error.may_have_been_sent`), the person has to confirm,
 * having looked in Instagram, that sending it again is what they want.
 */
export const retryMessageRequestSchema = z.object({
  message_id: idSchema,
  confirm_may_have_been_sent: z.boolean().default(false),
});
export type RetryMessageRequest = z.input<typeof retryMessageRequestSchema>;

/**
 * The message after the attempt: `sent` with Meta's id, or `failed` with Meta's code and message.
 * `replayed`: this idempotency key (or this retry) had already been handled; no new call to Meta.
 */
export const sendMessageResponseSchema = z.object({
  message: threadMessageSchema,
  replayed: z.boolean(),
});
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>;
