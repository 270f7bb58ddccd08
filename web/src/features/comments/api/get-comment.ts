import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  type ThreadComment,
  threadCommentResponseSchema,
} from "@dm-desk/shared/contracts/comments";
import { commentKeys } from "@/features/comments/api/keys.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** One comment, to find its post: a private reply in Messages links to its comment. */
export async function getComment(commentId: string): Promise<ThreadComment> {
  const { comment } = await invokeFunction(
    `instagram-comments/comments/${encodeURIComponent(commentId)}`,
    threadCommentResponseSchema,
    { method: "GET" },
  );
  return comment;
}

export function commentQueryOptions(imoId: string, commentId: string | undefined) {
  return queryOptions({
    queryKey: commentKeys.comment(imoId, commentId ?? ""),
    queryFn: () => getComment(commentId!),
    enabled: Boolean(imoId && commentId),
  });
}

export function useComment(imoId: string, commentId: string | undefined) {
  return useQuery(commentQueryOptions(imoId, commentId));
}
