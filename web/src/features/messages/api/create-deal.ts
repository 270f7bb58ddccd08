import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type AiPanel,
  type CreateDeal,
  createDealSchema,
  type Deal,
  dealResponseSchema,
} from "@dm-desk/shared/contracts/ai-assistant";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

/** A deal from the conversation; `from_analysis` starts it from the order the AI read. */
export async function createDeal(conversationId: string, deal: CreateDeal): Promise<Deal> {
  const body = parseInput(createDealSchema, deal);
  const response = await invokeFunction(
    `ai-assistant/conversations/${conversationId}/deals`,
    dealResponseSchema,
    { method: "POST", body },
  );
  return response.deal;
}

export function useCreateDeal(imoId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation<Deal, AppError, CreateDeal>({
    mutationFn: (deal) => createDeal(conversationId, deal),
    onSuccess: (deal) => {
      queryClient.setQueryData<AiPanel>(
        inboxKeys.aiPanel(imoId, conversationId),
        (panel) => panel && { ...panel, deals: [deal, ...panel.deals] },
      );
      toast.success(`Deal created: ${deal.title}`);
    },
    onError: (error) => toast.error(error.message),
  });
}
