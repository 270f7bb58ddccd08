import type { AiSettings } from "../../../../../shared/src/contracts/ai-assistant.ts";
import type { AnalysisContext } from "../offline/offline-provider.ts";
import { analyzeWithOffline, type ProviderAnswer } from "../provider.ts";

/** Writes the LLM's reply for a conversation; null when it has nothing to send. */
export type ReplyWriter = (conversationId: string) => Promise<string | null>;

/**
 * The analysis of one message by the configured provider. Offline (the default) answers with the
 * IMO's templates, so it has no reply writer.
 */
export function analyzeMessage(
  text: string,
  context: AnalysisContext,
  _settings: AiSettings,
): Promise<ProviderAnswer & { writeReply: ReplyWriter | null }> {
  return Promise.resolve({ ...analyzeWithOffline(text, context), writeReply: null });
}
