import type { Intent } from "../contracts/message-analysis.ts";
import type { AiMode } from "../schemas/enums.ts";
import { canSend } from "./messaging-window.ts";

/** What the assistant does after analysing a message. */
export type ReplyDecision =
  | { action: "send" }
  | { action: "draft"; reason: string }
  | { action: "skip"; reason: string };

export interface ReplyInput {
  mode: AiMode;
  intent: Intent;
  confidence: number;
  /** the IMO's autopilot threshold (0.5 to 1) */
  threshold: number;
  /** whether there is a reply for this intent (a template, or the LLM wrote one) */
  hasReplyText: boolean;
  now: Date;
  lastInboundAt: Date | null;
  /** a person took the conversation over until then */
  takeoverUntil: Date | null;
  /** the conversation holds nothing but story mentions, or the message is one */
  isStoryMention: boolean;
}

/**
 * The rules that always hold (issue 13): nothing when the AI is off or has nothing to say; never a
 * greeting to a story mention; never outside the 24 h window (the AI is not a person, so never the
 * HUMAN_AGENT tag: canSend with author "automation"); never a send while a person holds the
 * lease, only a draft; autopilot sends only above the IMO's threshold, otherwise it drafts;
 * supervised always drafts.
 */
export function decideReply(input: ReplyInput): ReplyDecision {
  if (input.mode === "off") return { action: "skip", reason: "ai_off" };
  if (input.isStoryMention) return { action: "skip", reason: "story_mention" };
  if (!input.hasReplyText) return { action: "skip", reason: "no_reply_for_intent" };
  const window = canSend({
    lastInboundAt: input.lastInboundAt,
    now: input.now,
    author: "automation",
    hasHumanAgentPermission: false,
  });
  if (!window.allowed) return { action: "skip", reason: "window_closed" };
  if (input.mode === "supervised") return { action: "draft", reason: "supervised" };
  if (input.takeoverUntil && input.takeoverUntil > input.now) {
    return { action: "draft", reason: "lease_held" };
  }
  if (input.confidence < input.threshold) return { action: "draft", reason: "low_confidence" };
  return { action: "send" };
}

/** Intents the assistant answers on its own; the others wait for a person. */
export const ANSWERED_INTENTS: readonly Intent[] = [
  "interested",
  "compensation_question",
  "requirements_question",
  "schedule_call",
  "order",
];

/**
 * What the assistant says per intent when the IMO has not written its own template (Settings ›
 * AI). `{{booking_link}}` is the IMO's booking link; a template that needs it is not used while
 * the IMO has none. The other variables are the templates' own (template-variables.ts).
 */
export const DEFAULT_REPLY_TEMPLATES: Partial<Record<Intent, string>> = {
  interested:
    "Hi {{first_name}}! Thanks for reaching out, I'd love to tell you more. What's the best email and phone number to reach you, and are you licensed already?",
  compensation_question:
    "Great question, {{first_name}}! Our agents are paid commission with no cap, and we provide leads and training. It depends on your licence and experience: are you licensed, and how long have you been in sales?",
  requirements_question:
    "Hi {{first_name}}! No experience needed: we help you get licensed and train you from day one. Which state are you in?",
  schedule_call: "Perfect, {{first_name}}! Pick a time that works for you here: {{booking_link}}",
  order:
    "Thanks {{first_name}}! I'm getting your order ready and will send you the payment link shortly.",
};

/** The links an AI reply may carry, filled before the template variables. */
export function fillAiLinks(
  template: string,
  links: { booking_link: string | null },
): string | null {
  if (!template.includes("{{booking_link}}")) return template;
  if (!links.booking_link) return null;
  return template.replaceAll("{{booking_link}}", links.booking_link);
}
