import type {
  AnalysisMetadata,
  MessageAnalysis,
} from "../../../../shared/src/contracts/message-analysis.ts";
import { asService, type Tx } from "../db.ts";
import { settingsFromRow } from "./ai-settings-queries.ts";
import { cpuSlices } from "./cpu-slices.ts";
import type { BatchOutcome } from "./analyze-job.ts";
import { analyzeMessage } from "./llm/analyze-message.ts";

interface JobComment {
  id: string;
  imo_id: string;
  post_id: string;
  text: string;
  commented_at: Date;
  settings: Record<string, unknown> | null;
}

/**
 * Contact comments through the same analysis as DMs (the configured provider, the offline one on
 * failure), stored in one transaction with their jobs deleted. Nothing is written back to the
 * commenter: comments are answered by people and keyword rules, never by the AI.
 */
export async function analyzeCommentJobs(commentIds: string[]): Promise<BatchOutcome> {
  const comments = await asService((tx) =>
    tx<JobComment[]>`
      select c.id, c.imo_id, c.post_id, c.text, c.commented_at,
        (select to_jsonb(s) - 'imo_id' - 'updated_by' - 'created_at' - 'updated_at'
         from public.ai_settings s where s.imo_id = c.imo_id) as settings
      from public.comments c where c.id = any(${commentIds}::uuid[])
      order by c.commented_at, c.id`
  );
  const analysed: { comment: JobComment; analysis: MessageAnalysis; metadata: AnalysisMetadata }[] =
    [];
  const pause = cpuSlices();
  for (const comment of comments) {
    const settings = settingsFromRow(comment.settings);
    const answer = await analyzeMessage(comment.text, {
      at: comment.commented_at,
      timeZone: settings.time_zone,
    }, settings);
    analysed.push({ comment, analysis: answer.analysis, metadata: answer.metadata });
    await pause(); // CPU-bound: the process's other requests get in every few milliseconds
  }
  await asService(async (tx) => {
    await tx`delete from public.ai_analysis_jobs where comment_id = any(${commentIds}::uuid[])`;
    await storeCommentAnalyses(tx, analysed);
  });
  return { analysed: analysed.length, gone: commentIds.length - comments.length };
}

/** The batch's comment analyses in one statement; a comment analysed before keeps its first. */
async function storeCommentAnalyses(
  tx: Tx,
  batch: { comment: JobComment; analysis: MessageAnalysis; metadata: AnalysisMetadata }[],
) {
  if (batch.length === 0) return;
  const rows = batch.map(({ comment, analysis, metadata }) => ({
    comment_id: comment.id,
    imo_id: comment.imo_id,
    post_id: comment.post_id,
    ...analysis,
    ...metadata,
  }));
  await tx`
    insert into public.comment_analyses (comment_id, imo_id, post_id, intent, confidence, entities,
      sentiment, category, provider, model, tools_used, latency_ms, fallback_reason)
    select r.comment_id, r.imo_id, r.post_id, r.intent, r.confidence, r.entities, r.sentiment,
      r.category, r.provider, r.model, array(select jsonb_array_elements_text(r.tools_used)),
      r.latency_ms, r.fallback_reason
    from jsonb_to_recordset(${tx.json(rows as never)}) as r (comment_id uuid, imo_id uuid,
      post_id uuid, intent text, confidence numeric, entities jsonb, sentiment numeric,
      category text, provider text, model text, tools_used jsonb, latency_ms integer,
      fallback_reason text)
    on conflict (comment_id) do nothing`;
}
