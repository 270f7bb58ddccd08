import {
  type MessageAnalysis,
  messageAnalysisSchema,
} from "../../../../../shared/src/contracts/message-analysis.ts";
import { categoryOf } from "./category.ts";
import { extractAvailability } from "./entities/availability.ts";
import { extractEmail } from "./entities/email.ts";
import { extractYearsOfExperience } from "./entities/experience.ts";
import { extractLicensed } from "./entities/licence.ts";
import { extractOrder } from "./entities/order.ts";
import { extractPhone } from "./entities/phone.ts";
import { extractUsState } from "./entities/us-state.ts";
import { classifyIntent, type IntentModel } from "./intent-classifier.ts";
import intentModel from "./intent-model.json" with { type: "json" };
import { normalizeText } from "./normalize.ts";
import { sentimentOf } from "./sentiment.ts";
import { wink } from "./wink.ts";

export interface AnalysisContext {
  /** when the message was written: "tomorrow" is the day after this */
  at: Date;
  /** the IMO's time zone, for "at 3pm" */
  timeZone: string;
}

export const OFFLINE_MODEL = "wink-eng-lite-web-model@1.8.1+intent-lr-v1";
export const OFFLINE_TOOLS = ["wink-nlp", "libphonenumber-js", "chrono-node", "intent-classifier"];

/**
 * The offline provider: no key, no network. wink-nlp reads the message (tokens, email and emoji
 * entities, sentiment), libphonenumber finds phone numbers, chrono resolves dates, and the intent
 * classifier trained from the repo's labelled set (intent-model.json) picks the intent.
 */
export function analyzeOffline(text: string, context: AnalysisContext): MessageAnalysis {
  const nlp = wink();
  const doc = nlp.readDoc(text);
  const normalized = normalizeText(text);
  const emails = doc.entities().filter((e) => e.out(nlp.its.type) === "EMAIL").out() as string[];
  const { intent, confidence } = classifyIntent(intentModel as IntentModel, text);
  const order = extractOrder(normalized, text);
  return messageAnalysisSchema.parse({
    intent,
    confidence: Math.round(confidence * 1000) / 1000,
    entities: {
      email: extractEmail(emails, text),
      phone: extractPhone(text),
      us_state: extractUsState(text),
      years_experience: extractYearsOfExperience(normalized),
      licensed: extractLicensed(normalized),
      availability: extractAvailability(text, context.at, context.timeZone),
      // a colour and a size in a recruiting message are not an order
      order: intent === "order" || (order?.product && order.quantity) ? order : null,
    },
    sentiment: sentimentOf(doc.out(nlp.its.sentiment) as number, text),
    category: categoryOf(intent, normalized),
  });
}
