import { z } from "zod";

/** Instagram's limit for one text message: 1000 bytes of UTF-8 (not characters). */
export const MAX_MESSAGE_BYTES = 1000;

const encoder = new TextEncoder();

/** The UTF-8 size of `text`: ASCII is 1 byte a character, accents 2, most emoji 4 or more. */
export function messageTextBytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * The text of a message to send (or a template's content): not empty, not only whitespace, at most
 * `MAX_MESSAGE_BYTES` UTF-8 bytes. The text is not trimmed or otherwise changed.
 */
export const messageTextSchema = z.string().superRefine((text, ctx) => {
  if (text.trim() === "") {
    ctx.addIssue({ code: "custom", message: "Message cannot be empty." });
    return;
  }
  const bytes = messageTextBytes(text);
  if (bytes > MAX_MESSAGE_BYTES) {
    ctx.addIssue({
      code: "custom",
      message: `Message is too long: ${bytes} bytes, Instagram allows ${MAX_MESSAGE_BYTES} ` +
        `(emoji and accented letters count as 2 to 4 bytes each).`,
    });
  }
});
