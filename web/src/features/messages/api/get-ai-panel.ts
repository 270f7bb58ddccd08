import { queryOptions, useQuery } from "@tanstack/react-query";
import { type AiPanel, aiPanelSchema } from "@dm-desk/shared/contracts/ai-assistant";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** A conversation's AI panel: latest analysis, known details, state and moves, mode, lease, draft. */
export async function getAiPanel(conversationId: string): Promise<AiPanel> {
  return await invokeFunction(
    `ai-assistant/conversations/${conversationId}`,
    aiPanelSchema,
    { method: "GET" },
  );
}

// Kept fresh by the IMO's Realtime events (apply-inbox-change.ts invalidates it); without them,
// a slow poll while the conversation is open.
export function aiPanelQueryOptions(imoId: string, conversationId: string) {
  return queryOptions({
    queryKey: inboxKeys.aiPanel(imoId, conversationId),
    queryFn: () => getAiPanel(conversationId),
    enabled: Boolean(imoId && conversationId),
    refetchInterval: 30_000,
  });
}

export function useAiPanel(imoId: string, conversationId: string) {
  return useQuery(aiPanelQueryOptions(imoId, conversationId));
}
