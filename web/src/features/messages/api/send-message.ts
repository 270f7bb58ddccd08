import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type SendMessageRequest,
  sendMessageRequestSchema,
  type SendMessageResponse,
  sendMessageResponseSchema,
} from "@dm-desk/shared/contracts/send-message";
import {
  patchThreadMessage,
  type ThreadEntry,
  upsertThreadMessage,
} from "@/features/messages/utils/inbox-cache.ts";
import { describeSendError } from "@/features/messages/utils/send-error.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type SendMessageInput = SendMessageRequest;

/** A reply; the same `client_message_id` again is the same message (Meta is called once). */
export async function sendMessage(input: SendMessageInput): Promise<SendMessageResponse> {
  const body = parseInput(sendMessageRequestSchema, input);
  return await invokeFunction("instagram-send-message", sendMessageResponseSchema, {
    method: "POST",
    body,
  });
}

type Author = { userId: string; displayName: string | null };

/** What the thread shows the moment the person presses Send. */
export function optimisticMessage(input: SendMessageInput, author: Author): ThreadEntry {
  return {
    id: input.client_message_id,
    client_message_id: input.client_message_id,
    is_local: true,
    conversation_id: input.conversation_id,
    direction: "outbound",
    type: input.image_url ? "media" : "text",
    text: input.text ?? null,
    attachments: input.image_url ? [{ type: "image", url: input.image_url }] : [],
    reactions: [],
    author: { kind: "user", user_id: author.userId, display_name: author.displayName },
    reply_to: null,
    status: "pending",
    error: null,
    external_id: null,
    sent_at: new Date().toISOString(),
    delivered_at: null,
    read_at: null,
    deleted_at: null,
  };
}

/**
 * Optimistic send: the message appears at once as pending, becomes the server's row when it
 * answers (sent, or failed with Meta's reason), and stays in the thread as failed, with a toast,
 * when the request itself is refused (window closed, rate limit) so it can be retried.
 */
export function useSendMessage(imoId: string, author: Author) {
  const queryClient = useQueryClient();
  return useMutation<SendMessageResponse, AppError, SendMessageInput>({
    mutationFn: sendMessage,
    onMutate: (input) => {
      upsertThreadMessage(queryClient, imoId, optimisticMessage(input, author));
    },
    onSuccess: ({ message }, input) => {
      upsertThreadMessage(queryClient, imoId, {
        ...message,
        client_message_id: input.client_message_id,
      });
      if (message.status === "failed") {
        toast.error(`Not sent: ${message.error?.message ?? "Instagram refused the message."}`);
      }
    },
    onError: (error, input) => {
      const reason = describeSendError(error);
      patchThreadMessage(
        queryClient,
        imoId,
        input.conversation_id,
        input.client_message_id,
        (m) => ({
          ...m,
          status: "failed",
          error: { code: error.code, message: reason, may_have_been_sent: false },
        }),
      );
      toast.error(`Not sent: ${reason}`);
    },
  });
}
