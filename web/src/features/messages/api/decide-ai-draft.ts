import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  approveDraftResponseSchema,
  approveDraftSchema,
  discardDraftResponseSchema,
} from "@dm-desk/shared/contracts/ai-assistant";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

/**
 * A person's decision on the AI's draft: send it as written ("AI, approved by"), send it changed
 * ("AI, edited by"), or discard it.
 */
export type DraftDecision =
  | { kind: "approve"; draftId: string; text?: string }
  | { kind: "discard"; draftId: string };

export async function decideAiDraft(decision: DraftDecision): Promise<void> {
  if (decision.kind === "discard") {
    await invokeFunction(
      `ai-assistant/drafts/${decision.draftId}/discard`,
      discardDraftResponseSchema,
      {
        method: "POST",
        body: {},
      },
    );
    return;
  }
  const body = parseInput(approveDraftSchema, { text: decision.text });
  await invokeFunction(
    `ai-assistant/drafts/${decision.draftId}/approve`,
    approveDraftResponseSchema,
    {
      method: "POST",
      body,
    },
  );
}

/** The sent message reaches the thread through Realtime (or the thread's refetch); the panel refetches. */
export function useDecideAiDraft(imoId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, AppError, DraftDecision>({
    mutationFn: decideAiDraft,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inboxKeys.aiPanel(imoId, conversationId) }),
        queryClient.invalidateQueries({ queryKey: inboxKeys.thread(imoId, conversationId) }),
      ]),
    onError: (error) => toast.error(error.message),
  });
}
