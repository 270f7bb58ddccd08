import type {
  AnalysisMetadata,
  MessageAnalysis,
} from "../../../../shared/src/contracts/message-analysis.ts";
import {
  type AnalysisContext,
  analyzeOffline,
  OFFLINE_MODEL,
  OFFLINE_TOOLS,
} from "./offline/offline-provider.ts";

export interface ProviderAnswer {
  analysis: MessageAnalysis;
  metadata: AnalysisMetadata;
}

/** The offline provider, timed, with its metadata. */
export function analyzeWithOffline(
  text: string,
  context: AnalysisContext,
  fallbackReason: string | null = null,
): ProviderAnswer {
  const started = performance.now();
  const analysis = analyzeOffline(text, context);
  return {
    analysis,
    metadata: {
      provider: "offline",
      model: OFFLINE_MODEL,
      tools_used: OFFLINE_TOOLS,
      latency_ms: Math.round(performance.now() - started),
      fallback_reason: fallbackReason,
    },
  };
}
