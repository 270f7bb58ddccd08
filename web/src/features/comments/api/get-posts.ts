import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import {
  postListQuerySchema,
  type PostListResponse,
  postListResponseSchema,
} from "@dm-desk/shared/contracts/comments";
import { commentKeys, type PostFilters } from "@/features/comments/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export type GetPostsInput = PostFilters & { imo_id: string; cursor?: string };

/** One page of posts, newest comment first, with the unread badges of every account. */
export async function getPosts(input: GetPostsInput): Promise<PostListResponse> {
  parseInput(postListQuerySchema, input);
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined && value !== "") query[name] = String(value);
  }
  return await invokeFunction(
    withQuery("instagram-comments/posts", query),
    postListResponseSchema,
    { method: "GET" },
  );
}

export function postsQueryOptions(imoId: string, filters: PostFilters) {
  return infiniteQueryOptions({
    queryKey: commentKeys.postList(imoId, filters),
    queryFn: ({ pageParam }) =>
      getPosts({ ...filters, imo_id: imoId, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    enabled: Boolean(imoId),
  });
}

export function usePosts(imoId: string, filters: PostFilters) {
  return useInfiniteQuery(postsQueryOptions(imoId, filters));
}
