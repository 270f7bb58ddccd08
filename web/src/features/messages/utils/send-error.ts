import { z } from "zod";
import type { AppError } from "@/lib/errors.ts";

const sendErrorDetailsSchema = z.object({
  reason: z.string().optional(),
  retry_after_ms: z.number().optional(),
}).catch({});

/** Why a send was refused, in the words the composer and its toast use. */
export function describeSendError(error: AppError): string {
  const details = sendErrorDetailsSchema.parse(error.details ?? {});
  switch (error.code) {
    case "window_closed":
      return details.reason === "no_inbound_message"
        ? "Instagram lets you reply only after they have written to you."
        : "The 24-hour reply window has closed. You can reply again once they write.";
    case "rate_limited": {
      const ms = details.retry_after_ms ?? 1000;
      return `Instagram is limiting messages from this account. Try again in ${
        Math.max(1, Math.ceil(ms / 1000))
      } s.`;
    }
    case "account_needs_reconnect":
      return "This Instagram account must be reconnected in Settings before it can send.";
    default:
      return error.message;
  }
}
