import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type CloseSaleAction,
  closeSaleActionSchema,
  closeSaleTextSchema,
} from "@dm-desk/shared/contracts/ai-assistant";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

/** The text of a "Close sale" shortcut (the IMO's booking link, or a payment link for an amount). */
export async function getCloseSaleText(
  conversationId: string,
  action: CloseSaleAction,
): Promise<string> {
  const body = parseInput(closeSaleActionSchema, action);
  const { text } = await invokeFunction(
    `ai-assistant/conversations/${conversationId}/close-sale`,
    closeSaleTextSchema,
    { method: "POST", body },
  );
  return text;
}

export function useCloseSaleText(conversationId: string) {
  return useMutation<string, AppError, CloseSaleAction>({
    mutationFn: (action) => getCloseSaleText(conversationId, action),
    onError: (error) => toast.error(error.message),
  });
}
