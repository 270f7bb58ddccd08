import type { AiSettings } from "../../../../../shared/src/contracts/ai-assistant.ts";
import type { AnalysisContext } from "../offline/offline-provider.ts";
import { analyzeWithOffline, type ProviderAnswer } from "../provider.ts";
import { analyzeWithLlm } from "./llm-analyze.ts";
import { writeLlmReply } from "./llm-reply.ts";
import { type LlmConfig, llmConfig } from "./provider-config.ts";

/** Writes the LLM's reply for a conversation; null when it has nothing to send. */
export type ReplyWriter = (conversationId: string) => Promise<string | null>;

/**
 * The analysis of one message by the configured provider: the LLM when AI_PROVIDER names one
 * (falling back to the offline provider on any failure, said in the metadata), otherwise the
 * offline provider. With the LLM, replies are the LLM's too (writeReply, the IMO's instructions);
 * offline, the IMO's templates answer (writeReply null).
 */
export async function analyzeMessage(
  text: string,
  context: AnalysisContext,
  settings: AiSettings,
  config: LlmConfig | null = llmConfig(),
): Promise<ProviderAnswer & { writeReply: ReplyWriter | null }> {
  if (!config) return { ...analyzeWithOffline(text, context), writeReply: null };
  const answer = await analyzeWithLlm(text, context, config);
  return { ...answer, writeReply: (id) => writeLlmReply(id, settings, config) };
}
