import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type AiPanel,
  aiPanelSchema,
  setAiModeSchema,
  setQualificationSchema,
  takeOverSchema,
} from "@dm-desk/shared/contracts/ai-assistant";
import type { AiMode, QualificationState } from "@dm-desk/shared/schemas/enums";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

/**
 * The AI panel's four changes, each a route of ai-assistant answering the panel as it now is:
 * the mode, taking the conversation over (the lease), giving it back, and the qualification state.
 */
export type AiPanelChange =
  | { kind: "mode"; mode: AiMode }
  | { kind: "takeover"; minutes?: number }
  | { kind: "resume" }
  | { kind: "qualification"; state: QualificationState };

export async function updateAiPanel(
  conversationId: string,
  change: AiPanelChange,
): Promise<AiPanel> {
  const base = `ai-assistant/conversations/${conversationId}`;
  const post = (path: string, body: Record<string, unknown>) =>
    invokeFunction(`${base}/${path}`, aiPanelSchema, { method: "POST", body });
  switch (change.kind) {
    case "mode":
      return await post("mode", parseInput(setAiModeSchema, { mode: change.mode }));
    case "takeover":
      return await post("takeover", parseInput(takeOverSchema, { minutes: change.minutes }));
    case "resume":
      return await post("resume", {});
    case "qualification":
      return await post(
        "qualification",
        parseInput(setQualificationSchema, { state: change.state }),
      );
  }
}

export function useUpdateAiPanel(imoId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation<AiPanel, AppError, AiPanelChange>({
    mutationFn: (change) => updateAiPanel(conversationId, change),
    onSuccess: (panel) => queryClient.setQueryData(inboxKeys.aiPanel(imoId, conversationId), panel),
    onError: (error) => toast.error(error.message),
  });
}
