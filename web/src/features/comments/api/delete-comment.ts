import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { type CommentResponse, commentResponseSchema } from "@dm-desk/shared/contracts/comments";
import { commentKeys } from "@/features/comments/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** Delete a comment on Instagram; it stays here, marked deleted, for the record. */
export async function deleteComment(commentId: string): Promise<CommentResponse> {
  return await invokeFunction(
    `instagram-comments/comments/${encodeURIComponent(commentId)}/delete`,
    commentResponseSchema,
    { method: "POST", body: {} },
  );
}

export function useDeleteComment(imoId: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation<CommentResponse, AppError, string>({
    mutationFn: deleteComment,
    onSuccess: () => toast.success("Comment deleted"),
    onError: (error) => toast.error(error.message),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: commentKeys.postThreads(imoId, postId) }),
        queryClient.invalidateQueries({ queryKey: commentKeys.postLists(imoId) }),
      ]);
    },
  });
}
