import type { OpportunityCategory } from "@dm-desk/shared/contracts/message-analysis";
import type { QualificationState } from "@dm-desk/shared/schemas/enums";

/** The AI's words in the inbox, one vocabulary from the contracts to the screen. */
export const CATEGORY_LABELS: Record<OpportunityCategory, string> = {
  candidate: "Candidate",
  client_or_partner: "Client or partner",
  customer_order: "Customer order",
  support: "Support",
  spam: "Spam",
  other: "Other",
};

export const STATE_LABELS: Record<QualificationState, string> = {
  new: "New",
  qualifying: "Qualifying",
  qualified: "Qualified",
  booked: "Booked",
  closed: "Closed",
};

export { MODE_LABELS } from "@dm-desk/shared/contracts/ai-assistant";

/** "12:04" of a lease or a countdown: minutes and seconds left, never negative. */
export function countdown(until: Date, now: Date): string {
  const seconds = Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export { orderSummary } from "@dm-desk/shared/rules/order-summary";
