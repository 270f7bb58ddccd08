import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import {
  type PostCommentsResponse,
  postCommentsResponseSchema,
} from "@dm-desk/shared/contracts/comments";
import { commentKeys } from "@/features/comments/api/keys.ts";
import { invokeFunction, withQuery } from "@/lib/functions.ts";

/** A post and one page of its threads, newest first. */
export async function getPostComments(
  postId: string,
  cursor?: string,
): Promise<PostCommentsResponse> {
  const name = `instagram-comments/posts/${encodeURIComponent(postId)}/comments`;
  return await invokeFunction(
    cursor ? withQuery(name, { cursor }) : name,
    postCommentsResponseSchema,
    { method: "GET" },
  );
}

export function postCommentsQueryOptions(imoId: string, postId: string) {
  return infiniteQueryOptions({
    queryKey: commentKeys.postThreads(imoId, postId),
    queryFn: ({ pageParam }) => getPostComments(postId, pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    enabled: Boolean(imoId && postId),
  });
}

export function usePostComments(imoId: string, postId: string) {
  return useInfiniteQuery(postCommentsQueryOptions(imoId, postId));
}
