import type { AiSettings } from "../../../../../shared/src/contracts/ai-assistant.ts";
import type { Intent } from "../../../../../shared/src/contracts/message-analysis.ts";
import {
  ANSWERED_INTENTS,
  DEFAULT_REPLY_TEMPLATES,
  fillAiLinks,
} from "../../../../../shared/src/rules/ai-reply.ts";
import { messageTextSchema } from "../../../../../shared/src/rules/message-text.ts";
import type { Tx } from "../../db.ts";
import { HttpError } from "../../http.ts";
import { renderForConversation } from "../../templates/render-for-conversation.ts";

/**
 * The offline reply to an intent: the IMO's template for it (or the default), with the booking
 * link and the contact's names filled in. Null when the assistant has nothing to say (an intent it
 * leaves to people, a template that needs a link the IMO has not set, a text too long to send).
 */
export async function templateReply(
  tx: Tx,
  conversationId: string,
  intent: Intent,
  settings: AiSettings,
): Promise<string | null> {
  if (!ANSWERED_INTENTS.includes(intent)) return null;
  const template = settings.reply_templates[intent] ?? DEFAULT_REPLY_TEMPLATES[intent];
  if (!template) return null;
  const linked = fillAiLinks(template, settings);
  if (!linked) return null;
  try {
    const text = await renderForConversation(tx, linked, { id: conversationId }, null);
    return messageTextSchema.safeParse(text).success ? text : null;
  } catch (error) {
    if (error instanceof HttpError) return null;
    throw error;
  }
}
