import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  privateReplyRequestSchema,
  type PrivateReplyResponse,
  privateReplyResponseSchema,
} from "@dm-desk/shared/contracts/comments";
import { commentKeys } from "@/features/comments/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type ReplyPrivatelyInput = {
  commentId: string;
  clientMessageId: string;
  text?: string;
  templateId?: string;
};

/** Meta's private reply to the commenter: one per comment, within 7 days, in their DMs. */
export async function replyPrivately(input: ReplyPrivatelyInput): Promise<PrivateReplyResponse> {
  const body = parseInput(privateReplyRequestSchema, {
    client_message_id: input.clientMessageId,
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.templateId ? { template_id: input.templateId } : {}),
  });
  return await invokeFunction(
    `instagram-comments/comments/${encodeURIComponent(input.commentId)}/private-reply`,
    privateReplyResponseSchema,
    { method: "POST", body },
  );
}

export function useReplyPrivately(imoId: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation<PrivateReplyResponse, AppError, ReplyPrivatelyInput>({
    mutationFn: replyPrivately,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: commentKeys.postThreads(imoId, postId) });
    },
  });
}
