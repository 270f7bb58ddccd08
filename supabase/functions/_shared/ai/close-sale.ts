import type { AiSettings, CloseSaleAction } from "../../../../shared/src/contracts/ai-assistant.ts";
import { HttpError } from "../http.ts";

/**
 * The text a "Close sale" shortcut puts in the composer (seed 000): the IMO's booking link, or its
 * payment link with the order's amount (and the conversation as the reference). The person sends
 * it like any reply.
 */
export function closeSaleText(
  action: CloseSaleAction,
  settings: AiSettings,
  conversationId: string,
): string {
  if (action.action === "booking_link") {
    if (!settings.booking_link) {
      throw new HttpError(409, "no_booking_link", "Add a booking link in Settings › AI first");
    }
    return `Here's my calendar, pick any time that works for you: ${settings.booking_link}`;
  }
  if (!settings.payment_link_template) {
    throw new HttpError(409, "no_payment_link", "Add a payment link in Settings › AI first");
  }
  const amount = action.amount.toFixed(2);
  const link = settings.payment_link_template
    .replaceAll("{{amount}}", encodeURIComponent(amount))
    .replaceAll("{{reference}}", encodeURIComponent(conversationId.slice(0, 8)));
  return `Here's your payment link for $${amount}: ${link}`;
}
