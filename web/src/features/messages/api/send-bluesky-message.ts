import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type BlueskySendRequest,
  blueskySendRequestSchema,
  type BlueskySendResponse,
  blueskySendResponseSchema,
} from "@dm-desk/shared/contracts/bluesky";
import { optimisticMessage } from "@/features/messages/api/send-message.ts";
import { patchThreadMessage, upsertThreadMessage } from "@/features/messages/utils/inbox-cache.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type SendBlueskyMessageInput = BlueskySendRequest;

/**
 * A reply in a Bluesky conversation: in the thread of the post answered (public) or as a DM
 * (direct). The same `client_message_id` again is the same message, posted once.
 */
export async function sendBlueskyMessage(
  input: SendBlueskyMessageInput,
): Promise<BlueskySendResponse> {
  const body = parseInput(blueskySendRequestSchema, input);
  return await invokeFunction("bluesky-send-message", blueskySendResponseSchema, {
    method: "POST",
    body,
  });
}

/** Optimistic, like the Instagram send: pending at once, then the server's row or failed. */
export function useSendBlueskyMessage(
  imoId: string,
  author: { userId: string; displayName: string | null },
) {
  const queryClient = useQueryClient();
  return useMutation<BlueskySendResponse, AppError, SendBlueskyMessageInput>({
    mutationFn: sendBlueskyMessage,
    onMutate: (input) => {
      upsertThreadMessage(queryClient, imoId, optimisticMessage(input, author));
    },
    onSuccess: ({ message }, input) => {
      upsertThreadMessage(queryClient, imoId, {
        ...message,
        client_message_id: input.client_message_id,
      });
      if (message.status === "failed") {
        toast.error(`Not sent: ${message.error?.message ?? "Bluesky refused the message."}`);
      }
    },
    onError: (error, input) => {
      patchThreadMessage(
        queryClient,
        imoId,
        input.conversation_id,
        input.client_message_id,
        (m) => ({
          ...m,
          status: "failed",
          error: { code: error.code, message: error.message, may_have_been_sent: false },
        }),
      );
      toast.error(`Not sent: ${error.message}`);
    },
  });
}
