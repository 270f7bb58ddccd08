import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type CommentResponse,
  commentResponseSchema,
  publicReplyRequestSchema,
} from "@dm-desk/shared/contracts/comments";
import { commentKeys } from "@/features/comments/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type ReplyToCommentInput = { commentId: string; clientCommentId: string; text: string };

/** A public reply in the comment's thread; the key makes a retried request the same reply. */
export async function replyToComment(input: ReplyToCommentInput): Promise<CommentResponse> {
  const body = parseInput(publicReplyRequestSchema, {
    client_comment_id: input.clientCommentId,
    text: input.text,
  });
  return await invokeFunction(
    `instagram-comments/comments/${encodeURIComponent(input.commentId)}/reply`,
    commentResponseSchema,
    { method: "POST", body },
  );
}

export function useReplyToComment(imoId: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation<CommentResponse, AppError, ReplyToCommentInput>({
    mutationFn: replyToComment,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: commentKeys.postThreads(imoId, postId) }),
        queryClient.invalidateQueries({ queryKey: commentKeys.postLists(imoId) }),
      ]);
    },
  });
}
