import type {
  AnalysisEntities,
  AnalysisMetadata,
  MessageAnalysis,
} from "../../../../shared/src/contracts/message-analysis.ts";
import { analysisEntitiesSchema } from "../../../../shared/src/contracts/message-analysis.ts";
import type { Tx } from "../db.ts";

/** The one home of message_analyses queries. */

export async function storeAnalysis(
  tx: Tx,
  message: { id: string; imo_id: string; conversation_id: string },
  analysis: MessageAnalysis,
  metadata: AnalysisMetadata,
  /** known already when no reply will be written (the AI is off, a newer message came) */
  replyOutcome: string | null = null,
): Promise<boolean> {
  const rows = await tx`
    insert into public.message_analyses (message_id, imo_id, conversation_id, intent, confidence,
      entities, sentiment, category, provider, model, tools_used, latency_ms, fallback_reason,
      reply_outcome)
    values (${message.id}, ${message.imo_id}, ${message.conversation_id}, ${analysis.intent},
      ${analysis.confidence}, ${tx.json(analysis.entities as never)}, ${analysis.sentiment},
      ${analysis.category}, ${metadata.provider}, ${metadata.model}, ${metadata.tools_used},
      ${metadata.latency_ms}, ${metadata.fallback_reason}, ${replyOutcome})
    on conflict (message_id) do nothing
    returning message_id`;
  return rows.length > 0;
}

export async function setReplyOutcome(tx: Tx, messageId: string, outcome: string) {
  await tx`update public.message_analyses set reply_outcome = ${outcome} where message_id = ${messageId}`;
}

/** The entities of a conversation's analyses, oldest first (for knownEntities). */
export async function entityHistory(tx: Tx, conversationId: string): Promise<AnalysisEntities[]> {
  const rows = await tx<{ entities: unknown }[]>`
    select entities from public.message_analyses where conversation_id = ${conversationId}
    order by created_at, message_id`;
  return rows.flatMap((row) => {
    const parsed = analysisEntitiesSchema.safeParse(row.entities);
    return parsed.success ? [parsed.data] : [];
  });
}
