import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type RetryMessageRequest,
  retryMessageRequestSchema,
  type SendMessageResponse,
  sendMessageResponseSchema,
} from "@dm-desk/shared/contracts/send-message";
import { patchThreadMessage, upsertThreadMessage } from "@/features/messages/utils/inbox-cache.ts";
import { describeSendError } from "@/features/messages/utils/send-error.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type RetryMessageInput = RetryMessageRequest & { conversation_id: string };

/** A failed reply again: the same message, a new attempt. */
export async function retryMessage(input: RetryMessageInput): Promise<SendMessageResponse> {
  const body = parseInput(retryMessageRequestSchema, {
    message_id: input.message_id,
    confirm_may_have_been_sent: input.confirm_may_have_been_sent,
  });
  return await invokeFunction("instagram-retry-message", sendMessageResponseSchema, {
    method: "POST",
    body,
  });
}

export function useRetryMessage(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<SendMessageResponse, AppError, RetryMessageInput>({
    mutationFn: retryMessage,
    onMutate: (input) => {
      patchThreadMessage(queryClient, imoId, input.conversation_id, input.message_id, (m) => ({
        ...m,
        status: "pending",
      }));
    },
    onSuccess: ({ message }) => {
      upsertThreadMessage(queryClient, imoId, message);
      if (message.status === "failed") {
        toast.error(`Not sent: ${message.error?.message ?? "Instagram refused the message."}`);
      }
    },
    onError: (error, input) => {
      const reason = describeSendError(error);
      patchThreadMessage(queryClient, imoId, input.conversation_id, input.message_id, (m) => ({
        ...m,
        status: "failed",
      }));
      toast.error(`Not sent: ${reason}`);
    },
  });
}
