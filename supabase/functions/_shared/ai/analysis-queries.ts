import type {
  AnalysisEntities,
  AnalysisMetadata,
  MessageAnalysis,
} from "../../../../shared/src/contracts/message-analysis.ts";
import { analysisEntitiesSchema } from "../../../../shared/src/contracts/message-analysis.ts";
import type { Tx } from "../db.ts";

/** The one home of message_analyses queries. */

/**
 * The analyses of a batch in one statement, each with its metadata and, when no reply will be
 * written, its outcome. A message analysed before (a second run) keeps its first analysis.
 * Returns the ids newly stored.
 */
export async function storeAnalyses(
  tx: Tx,
  batch: {
    message: { id: string; imo_id: string; conversation_id: string };
    analysis: MessageAnalysis;
    metadata: AnalysisMetadata;
    noReply: string | null;
  }[],
): Promise<string[]> {
  const rows = batch.map(({ message, analysis, metadata, noReply }) => ({
    message_id: message.id,
    imo_id: message.imo_id,
    conversation_id: message.conversation_id,
    ...analysis,
    ...metadata,
    reply_outcome: noReply,
  }));
  const stored = await tx<{ message_id: string }[]>`
    insert into public.message_analyses (message_id, imo_id, conversation_id, intent, confidence,
      entities, sentiment, category, provider, model, tools_used, latency_ms, fallback_reason,
      reply_outcome)
    select r.message_id, r.imo_id, r.conversation_id, r.intent, r.confidence, r.entities,
      r.sentiment, r.category, r.provider, r.model,
      array(select jsonb_array_elements_text(r.tools_used)), r.latency_ms, r.fallback_reason,
      r.reply_outcome
    from jsonb_to_recordset(${tx.json(rows as never)}) as r (message_id uuid, imo_id uuid,
      conversation_id uuid, intent text, confidence numeric, entities jsonb, sentiment numeric,
      category text, provider text, model text, tools_used jsonb, latency_ms integer,
      fallback_reason text, reply_outcome text)
    on conflict (message_id) do nothing
    returning message_id`;
  return stored.map((row) => row.message_id);
}

export async function setReplyOutcome(tx: Tx, messageId: string, outcome: string) {
  await tx`update public.message_analyses set reply_outcome = ${outcome} where message_id = ${messageId}`;
}

/** The entities of each conversation's analyses, oldest first (for knownEntities). */
export async function entityHistories(
  tx: Tx,
  conversationIds: string[],
): Promise<Map<string, AnalysisEntities[]>> {
  const rows = await tx<{ conversation_id: string; entities: unknown }[]>`
    select conversation_id, entities from public.message_analyses
    where conversation_id = any(${conversationIds}::uuid[])
    order by created_at, message_id`;
  const histories = new Map<string, AnalysisEntities[]>();
  for (const row of rows) {
    const parsed = analysisEntitiesSchema.safeParse(row.entities);
    if (!parsed.success) continue;
    const list = histories.get(row.conversation_id) ?? [];
    list.push(parsed.data);
    histories.set(row.conversation_id, list);
  }
  return histories;
}

/** The entities of one conversation's analyses, oldest first. */
export async function entityHistory(tx: Tx, conversationId: string): Promise<AnalysisEntities[]> {
  return (await entityHistories(tx, [conversationId])).get(conversationId) ?? [];
}
