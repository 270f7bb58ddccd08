import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type CommentResponse,
  commentResponseSchema,
  hideCommentRequestSchema,
} from "@dm-desk/shared/contracts/comments";
import { commentKeys } from "@/features/comments/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type HideCommentInput = { commentId: string; hidden: boolean };

/** Hide a comment on Instagram (its author still sees it), or show it again. */
export async function hideComment(input: HideCommentInput): Promise<CommentResponse> {
  const body = parseInput(hideCommentRequestSchema, { hidden: input.hidden });
  return await invokeFunction(
    `instagram-comments/comments/${encodeURIComponent(input.commentId)}/hide`,
    commentResponseSchema,
    { method: "POST", body },
  );
}

export function useHideComment(imoId: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation<CommentResponse, AppError, HideCommentInput>({
    mutationFn: hideComment,
    onSuccess: (_answer, { hidden }) => toast.success(hidden ? "Comment hidden" : "Comment shown"),
    onError: (error) => toast.error(error.message),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: commentKeys.postThreads(imoId, postId) });
    },
  });
}
