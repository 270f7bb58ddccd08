import type { PostListQuery } from "@dm-desk/shared/contracts/comments";

/** The Comments view's filters as a list query holds them (the IMO and the cursor per page). */
export type PostFilters = Omit<PostListQuery, "imo_id" | "cursor" | "limit">;

// Everything of one IMO's comments sits under ["comments", imoId], so a Realtime event or a
// reconnect refreshes all of it (every filtered list, every open post) with one prefix.
export const commentKeys = {
  all: ["comments"] as const,
  imo: (imoId: string) => [...commentKeys.all, imoId] as const,
  postLists: (imoId: string) => [...commentKeys.imo(imoId), "posts"] as const,
  postList: (imoId: string, filters: PostFilters) =>
    [...commentKeys.postLists(imoId), filters] as const,
  threads: (imoId: string) => [...commentKeys.imo(imoId), "threads"] as const,
  postThreads: (imoId: string, postId: string) => [...commentKeys.threads(imoId), postId] as const,
  comment: (imoId: string, commentId: string) =>
    [...commentKeys.imo(imoId), "comment", commentId] as const,
  rules: (imoId: string) => [...commentKeys.imo(imoId), "rules"] as const,
  recentPosts: (imoId: string, accountId: string) =>
    [...commentKeys.imo(imoId), "recent-posts", accountId] as const,
};
