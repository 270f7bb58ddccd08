import { queryOptions, useQuery } from "@tanstack/react-query";
import { type RecentPost, recentPostsResponseSchema } from "@dm-desk/shared/contracts/comments";
import { commentKeys } from "@/features/comments/api/keys.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** An account's 25 newest posts from Instagram, commented on or not (to aim a rule at one). */
export async function getRecentPosts(accountId: string): Promise<RecentPost[]> {
  const { posts } = await invokeFunction(
    `instagram-comments/accounts/${encodeURIComponent(accountId)}/posts`,
    recentPostsResponseSchema,
    { method: "GET" },
  );
  return posts;
}

export function recentPostsQueryOptions(imoId: string, accountId: string | undefined) {
  return queryOptions({
    queryKey: commentKeys.recentPosts(imoId, accountId ?? ""),
    queryFn: () => getRecentPosts(accountId!),
    enabled: Boolean(imoId && accountId),
    staleTime: 5 * 60_000,
  });
}

export function useRecentPosts(imoId: string, accountId: string | undefined) {
  return useQuery(recentPostsQueryOptions(imoId, accountId));
}
