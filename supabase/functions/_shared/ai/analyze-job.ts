import type { AiSettings } from "../../../../shared/src/contracts/ai-assistant.ts";
import { decideReply } from "../../../../shared/src/rules/ai-reply.ts";
import { aiQualificationMove, knownEntities } from "../../../../shared/src/rules/qualification.ts";
import type { AiMode, QualificationState } from "../../../../shared/src/schemas/enums.ts";
import { asService } from "../db.ts";
import { loadAiSettings } from "./ai-settings-queries.ts";
import { entityHistory, setReplyOutcome, storeAnalysis } from "./analysis-queries.ts";
import { storeDraft } from "./assistant/drafts.ts";
import { templateReply } from "./assistant/reply-text.ts";
import { sendAiMessage } from "./assistant/send-ai-message.ts";
import { analyzeMessage, type ReplyWriter } from "./llm/analyze-message.ts";

interface JobMessage {
  id: string;
  imo_id: string;
  channel_account_id: string;
  conversation_id: string;
  text: string;
  type: string;
  sent_at: Date;
  ai_mode: AiMode;
  qualification_state: QualificationState;
  last_inbound_at: Date | null;
  ai_takeover_until: Date | null;
  only_story_mentions: boolean;
  is_latest: boolean;
}

export type JobOutcome = "analysed" | "gone";

/**
 * One inbound message through the assistant: analysed (the configured provider, the offline one
 * on failure), stored with its metadata, the conversation's category and qualification moved
 * (recorded as the AI's move, with the reason), then the reply decided by the rules that always
 * hold (decideReply): nothing, a draft for a person, or, on autopilot above the threshold with
 * nobody holding the lease, a message through the send path. Only the conversation's newest
 * inbound message is answered: an older one analysed late must not draft over a newer question.
 */
export async function analyzeJob(messageId: string, clock: () => Date): Promise<JobOutcome> {
  const loaded = await asService(async (tx) => {
    const [message] = await tx<JobMessage[]>`
      select m.id, m.imo_id, m.channel_account_id, m.conversation_id, m.text, m.type::text, m.sent_at,
        c.ai_mode::text, c.qualification_state::text, c.last_inbound_at, c.ai_takeover_until,
        c.only_story_mentions,
        not exists (select 1 from public.messages n where n.conversation_id = m.conversation_id
          and n.direction = 'inbound' and (n.sent_at, n.id) > (m.sent_at, m.id)) as is_latest
      from public.messages m join public.conversations c on c.id = m.conversation_id
      where m.id = ${messageId}`;
    return message ? { message, settings: await loadAiSettings(tx, message.imo_id) } : null;
  });
  if (!loaded) return "gone";
  const { message, settings } = loaded;

  const { analysis, metadata, writeReply } = await analyzeMessage(message.text, {
    at: message.sent_at,
    timeZone: settings.time_zone,
  }, settings);

  // most conversations have the AI off: their analysis is stored with its outcome in one go
  const noReply = message.ai_mode === "off"
    ? "skipped: ai_off"
    : !message.is_latest
    ? "skipped: newer_message"
    : null;
  const replyTarget = await asService(async (tx) => {
    // the job goes with the transaction that stores its analysis: done once, or not at all
    await tx`delete from public.ai_analysis_jobs where message_id = ${message.id}`;
    if (!await storeAnalysis(tx, message, analysis, metadata, noReply)) return null;
    // the conversation keeps the last category that said more than "other"; written only on a change
    await tx`update public.conversations c set ai_category = ${analysis.category}
      where c.id = ${message.conversation_id}
        and (${analysis.category} <> 'other' or c.ai_category is null)
        and c.ai_category is distinct from ${analysis.category}`;
    const known = knownEntities(await entityHistory(tx, message.conversation_id));
    const move = aiQualificationMove(message.qualification_state, analysis, known);
    if (move) {
      await tx`select set_config('dmdesk.ai_move', ${
        JSON.stringify({ message_id: message.id, reason: move.reason })
      }, true)`;
      await tx`update public.conversations set qualification_state = ${move.to}
        where id = ${message.conversation_id} and qualification_state = ${message.qualification_state}`;
    }
    return noReply ? null : message;
  });
  if (!replyTarget) return "analysed";
  await reply(message, settings, analysis.intent, analysis.confidence, writeReply, clock);
  return "analysed";
}

async function reply(
  message: JobMessage,
  settings: AiSettings,
  intent: Parameters<typeof templateReply>[2],
  confidence: number,
  writeReply: ReplyWriter | null,
  clock: () => Date,
) {
  const template = () =>
    asService((tx) => templateReply(tx, message.conversation_id, intent, settings));
  // the LLM writes the reply when it is configured; its failure leaves the template's
  const text = message.ai_mode === "off"
    ? null
    : (writeReply ? await writeReply(message.conversation_id) : null) ?? await template();
  const now = clock();
  const decision = decideReply({
    mode: message.ai_mode,
    intent,
    confidence,
    threshold: settings.autopilot_threshold,
    hasReplyText: text !== null,
    now,
    lastInboundAt: message.last_inbound_at,
    takeoverUntil: message.ai_takeover_until,
    isStoryMention: message.only_story_mentions || message.type === "story_mention",
  });
  let outcome: string;
  if (decision.action === "skip") outcome = `skipped: ${decision.reason}`;
  else if (decision.action === "draft") {
    await asService((tx) => storeDraft(tx, { ...message, reply_to_message_id: message.id }, text!));
    outcome = `drafted: ${decision.reason}`;
  } else {
    const sent = await sendAiMessage({
      conversationId: message.conversation_id,
      text: text!,
      review: "autopilot",
      reviewerId: null,
      replyToMessageId: message.id,
      clientMessageId: message.id,
      now,
    });
    if (sent.status === "refused") {
      // the lease was taken, or the window closed, between the decision and the send: a draft
      await asService((tx) =>
        storeDraft(tx, { ...message, reply_to_message_id: message.id }, text!)
      );
      outcome = `drafted: ${sent.reason}`;
    } else outcome = sent.status === "failed" ? "send failed" : "sent";
  }
  await asService((tx) => setReplyOutcome(tx, message.id, outcome));
}
