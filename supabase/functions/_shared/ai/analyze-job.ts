import type { AiSettings } from "../../../../shared/src/contracts/ai-assistant.ts";
import type {
  AnalysisEntities,
  AnalysisMetadata,
  MessageAnalysis,
} from "../../../../shared/src/contracts/message-analysis.ts";
import { decideReply } from "../../../../shared/src/rules/ai-reply.ts";
import { aiQualificationMove, knownEntities } from "../../../../shared/src/rules/qualification.ts";
import type { AiMode, QualificationState } from "../../../../shared/src/schemas/enums.ts";
import { asService, type Tx } from "../db.ts";
import { settingsFromRow } from "./ai-settings-queries.ts";
import { cpuSlices } from "./cpu-slices.ts";
import { entityHistories, setReplyOutcome, storeAnalyses } from "./analysis-queries.ts";
import { storeDraft } from "./assistant/drafts.ts";
import { templateReply } from "./assistant/reply-text.ts";
import { sendAiMessage } from "./assistant/send-ai-message.ts";
import { analyzeMessage, type ReplyWriter } from "./llm/analyze-message.ts";

export interface JobMessage {
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
  settings: Record<string, unknown> | null;
}

interface Analysed {
  message: JobMessage;
  settings: AiSettings;
  analysis: MessageAnalysis;
  metadata: AnalysisMetadata;
  writeReply: ReplyWriter | null;
  /** known already when no reply will be written */
  noReply: string | null;
}

export interface BatchOutcome {
  analysed: number;
  /** messages deleted before their turn (their jobs went with them) */
  gone: number;
}

/**
 * Inbound messages through the assistant, a claimed batch at a time: analysed (the configured
 * provider, the offline one on failure), then stored in one transaction with their jobs deleted,
 * each conversation's category and qualification moved (every move recorded as the AI's, with its
 * message and reason); then, for conversations whose AI is on, the reply decided by the rules that
 * always hold (decideReply): nothing, a draft for a person, or, on autopilot above the threshold
 * with nobody holding the lease, a message through the send path. Only a conversation's newest
 * inbound message is answered: one analysed late must not draft over a newer question.
 */
export async function analyzeJobs(messageIds: string[], clock: () => Date): Promise<BatchOutcome> {
  const messages = await asService((tx) => loadJobMessages(tx, messageIds));
  const analysed: Analysed[] = [];
  const pause = cpuSlices();
  for (const message of messages) {
    const settings = settingsFromRow(message.settings);
    const answer = await analyzeMessage(message.text, {
      at: message.sent_at,
      timeZone: settings.time_zone,
    }, settings);
    // most conversations have the AI off: their outcome is written with the analysis
    const noReply = message.ai_mode === "off"
      ? "skipped: ai_off"
      : !message.is_latest
      ? "skipped: newer_message"
      : null;
    analysed.push({ message, settings, ...answer, noReply });
    // analysis is CPU-bound: let the process's other requests in every few milliseconds (locally,
    // and in any runtime that shares a worker, the webhook's deliveries wait on this loop otherwise)
    await pause();
  }
  const stored = await asService((tx) => storeBatch(tx, analysed));
  for (const item of stored.filter((item) => item.noReply === null)) {
    try {
      await reply(item, clock);
    } catch (error) {
      // the analysis is stored: this message's reply is lost, the batch's others go on
      const reason = (error as Error)?.message ?? String(error);
      console.error(`[ai] the reply to ${item.message.id} failed:`, reason);
      await asService((tx) =>
        setReplyOutcome(tx, item.message.id, `failed: ${reason.slice(0, 200)}`)
      );
    }
  }
  return { analysed: analysed.length, gone: messageIds.length - messages.length };
}

/** One message, as a test drives it with its own clock. */
export const analyzeJob = (messageId: string, clock: () => Date) => analyzeJobs([messageId], clock);

function loadJobMessages(tx: Tx, messageIds: string[]) {
  return tx<JobMessage[]>`
    select m.id, m.imo_id, m.channel_account_id, m.conversation_id, m.text, m.type::text,
      m.sent_at, c.ai_mode::text, c.qualification_state::text, c.last_inbound_at,
      c.ai_takeover_until, c.only_story_mentions,
      not exists (select 1 from public.messages n where n.conversation_id = m.conversation_id
        and n.direction = 'inbound' and (n.sent_at, n.id) > (m.sent_at, m.id)) as is_latest,
      (select jsonb_build_object('default_mode', s.default_mode,
         'autopilot_threshold', s.autopilot_threshold::float8, 'lease_minutes', s.lease_minutes,
         'time_zone', s.time_zone, 'reply_templates', s.reply_templates,
         'instructions', s.instructions, 'booking_link', s.booking_link,
         'payment_link_template', s.payment_link_template)
       from public.ai_settings s where s.imo_id = m.imo_id) as settings
    from public.messages m join public.conversations c on c.id = m.conversation_id
    where m.id = any(${messageIds}::uuid[])
    order by m.sent_at, m.id`;
}

/**
 * The batch's analyses in one transaction (the jobs go with it: done once, or not at all), then
 * per conversation, in message order: the category it now has (the last one that said more than
 * "other") and each forward move of its qualification state. Returns what was newly stored.
 */
async function storeBatch(tx: Tx, batch: Analysed[]): Promise<Analysed[]> {
  if (batch.length === 0) return [];
  const ids = batch.map((item) => item.message.id);
  // in id order, the order every writer of several conversations locks them in: two drains (the
  // cron's and a kick's) or a drain and a webhook transaction never wait on each other in a circle
  const conversationIds = [...new Set(batch.map((item) => item.message.conversation_id))].sort();
  await tx`select id from public.conversations where id = any(${conversationIds}::uuid[])
    order by id for no key update`;
  await tx`delete from public.ai_analysis_jobs where message_id = any(${ids}::uuid[])`;
  const histories = await entityHistories(tx, conversationIds);
  const fresh = new Set(await storeAnalyses(tx, batch));
  const stored = batch.filter((item) => fresh.has(item.message.id));

  // one statement for every conversation's category; written only where it changes
  const categories = conversationIds.flatMap((id) => {
    const said = stored.filter((item) => item.message.conversation_id === id)
      .map((item) => item.analysis.category);
    return said.length ? [{ id, category: said.findLast((c) => c !== "other") ?? "other" }] : [];
  });
  if (categories.length) {
    await tx`update public.conversations c set ai_category = n.category
      from jsonb_to_recordset(${tx.json(categories)}) as n (id uuid, category text)
      where c.id = n.id and (n.category <> 'other' or c.ai_category is null)
        and c.ai_category is distinct from n.category`;
  }

  for (const conversationId of conversationIds) {
    const items = stored.filter((item) => item.message.conversation_id === conversationId);
    if (!items.length) continue;
    const history: AnalysisEntities[] = [...(histories.get(conversationId) ?? [])];
    let state = items[0]!.message.qualification_state;
    for (const item of items) {
      history.push(item.analysis.entities);
      const move = aiQualificationMove(state, item.analysis, knownEntities(history));
      if (!move) continue;
      await tx`select set_config('dmdesk.ai_move', ${
        JSON.stringify({ message_id: item.message.id, reason: move.reason })
      }, true)`;
      const [moved] = await tx`update public.conversations set qualification_state = ${move.to}
        where id = ${conversationId} and qualification_state = ${state} returning id`;
      // a person moved it meanwhile: theirs stands
      if (!moved) break;
      state = move.to;
    }
  }
  return stored;
}

/**
 * The reply to one analysed message. The text (the LLM's, else the IMO's template), the decision,
 * a draft and the outcome are written in one transaction, so a draft is on screen one commit after
 * the analysis; only a send leaves it, for the send path's own transactions.
 */
async function reply(item: Analysed, clock: () => Date) {
  const { message, settings, analysis, writeReply } = item;
  // the LLM writes the reply when it is configured; its failure leaves the template's
  const written = writeReply ? await writeReply(message.conversation_id) : null;
  const target = { ...message, reply_to_message_id: message.id };
  const decided = await asService(async (tx) => {
    const text = written ??
      await templateReply(tx, message.conversation_id, analysis.intent, settings);
    const now = clock();
    const decision = decideReply({
      mode: message.ai_mode,
      intent: analysis.intent,
      confidence: analysis.confidence,
      threshold: settings.autopilot_threshold,
      hasReplyText: text !== null,
      now,
      lastInboundAt: message.last_inbound_at,
      takeoverUntil: message.ai_takeover_until,
      isStoryMention: message.only_story_mentions || message.type === "story_mention",
    });
    if (decision.action === "draft") await storeDraft(tx, target, text!);
    if (decision.action !== "send") {
      await setReplyOutcome(
        tx,
        message.id,
        `${decision.action === "draft" ? "drafted" : "skipped"}: ${decision.reason}`,
      );
    }
    return { decision, text, now };
  });
  if (decided.decision.action !== "send") return;

  const sent = await sendAiMessage({
    conversationId: message.conversation_id,
    text: decided.text!,
    review: "autopilot",
    reviewerId: null,
    replyToMessageId: message.id,
    clientMessageId: message.id,
    now: decided.now,
  });
  await asService(async (tx) => {
    if (sent.status === "refused") {
      // the lease was taken, or the window closed, between the decision and the send: a draft
      await storeDraft(tx, target, decided.text!);
      await setReplyOutcome(tx, message.id, `drafted: ${sent.reason}`);
    } else await setReplyOutcome(tx, message.id, sent.status === "failed" ? "send failed" : "sent");
  });
}
