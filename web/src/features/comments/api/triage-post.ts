import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type PostResponse,
  postResponseSchema,
  type PostTriageRequest,
  postTriageRequestSchema,
} from "@dm-desk/shared/contracts/comments";
import { commentKeys } from "@/features/comments/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type TriagePostInput = { postId: string; change: PostTriageRequest };

/** Mark read, priority or assignment; answers the post as the list shows it. */
export async function triagePost({ postId, change }: TriagePostInput): Promise<PostResponse> {
  const body = parseInput(postTriageRequestSchema, change);
  return await invokeFunction(
    `instagram-comments/posts/${encodeURIComponent(postId)}/triage`,
    postResponseSchema,
    { method: "POST", body },
  );
}

/** The lists and the open post refetch: unread badges and filters follow the change. */
export function useTriagePost(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<PostResponse, AppError, TriagePostInput>({
    mutationFn: triagePost,
    onSuccess: async (_answer, { postId }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: commentKeys.postLists(imoId) }),
        queryClient.invalidateQueries({ queryKey: commentKeys.postThreads(imoId, postId) }),
      ]);
    },
    onError: (error, { change }) => {
      // marking read happens on its own when a post opens: a failure there is not news
      if (change.action !== "mark_read") toast.error(error.message);
    },
  });
}
