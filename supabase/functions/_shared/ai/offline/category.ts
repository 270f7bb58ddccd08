import type {
  Intent,
  OpportunityCategory,
} from "../../../../../shared/src/contracts/message-analysis.ts";

const SUPPORT =
  /\b(?:my order|tracking|track (?:my|the) (?:order|package)|refund|return (?:it|my|the)|exchange (?:it|my|the)|hasn'?t arrived|has not arrived|never (?:arrived|came|got it)|didn'?t (?:get|receive) (?:it|my)|wrong size|damaged|broken|cancel my order|can'?t (?:log ?in|access)|reset my password|no ha llegado|no me ha llegado|mi pedido|reembolso|devolucion)\b/;
const PARTNER =
  /\b(?:partner(?:ship)?|collab(?:oration|orate)?|our (?:agency|company|firm|team) (?:helps|works|offers|provides)|we (?:help|work with|provide|offer) (?:agencies|imos|agents|insurance)|carrier (?:rep|representative|contract)|vendor|sponsor(?:ship)?|business proposal|white.?label|lead (?:vendor|provider|gen(?:eration)?)|sell you leads|socio|colaboracion|alianza|propuesta de negocio)\b/;

/** What an intent says about who the contact is, before any other cue. */
const BY_INTENT: Record<Intent, OpportunityCategory> = {
  interested: "candidate",
  compensation_question: "candidate",
  requirements_question: "candidate",
  schedule_call: "candidate",
  not_interested: "candidate",
  order: "customer_order",
  spam: "spam",
  other: "other",
};

/**
 * The opportunity one message points to: spam is spam whatever it says; a problem with an order
 * or an account is support; an agency, vendor or collaboration pitch is a client or partner;
 * otherwise the intent decides (recruiting questions make a candidate, an order a customer).
 * The conversation keeps the last category that was not "other" (storage does that).
 */
export function categoryOf(intent: Intent, normalized: string): OpportunityCategory {
  if (intent === "spam") return "spam";
  if (SUPPORT.test(normalized)) return "support";
  if (PARTNER.test(normalized)) return "client_or_partner";
  return BY_INTENT[intent];
}
