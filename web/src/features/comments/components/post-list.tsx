import { MessageCircle } from "lucide-react";
import { InlineError } from "@/components/ui/inline-error.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { usePosts } from "@/features/comments/api/get-posts.ts";
import type { PostFilters } from "@/features/comments/api/keys.ts";
import { PostRow } from "@/features/comments/components/post-row.tsx";
import { useNow } from "@/hooks/use-now.ts";

type PostListProps = {
  imoId: string;
  filters: PostFilters;
  hasFilters: boolean;
  selectedId: string | undefined;
  onOpen: (postId: string) => void;
};

/** The posts people comment on, newest comment first, a page at a time. */
export function PostList({ imoId, filters, hasFilters, selectedId, onOpen }: PostListProps) {
  const list = usePosts(imoId, filters);
  const now = useNow();

  if (list.status === "pending") {
    return (
      <div role="status" aria-label="Loading posts" className="space-y-2 p-2">
        {[0, 1, 2].map((i) => <Skeleton key={i} className="h-10 w-full" />)}
      </div>
    );
  }
  if (list.status === "error") {
    return (
      <InlineError
        message={`Couldn't load the posts. ${list.error.message}`}
        onRetry={() => void list.refetch()}
      />
    );
  }
  const posts = list.data.pages.flatMap((page) => page.posts);
  if (posts.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-2 p-6 text-center">
        <MessageCircle className="size-5 text-zinc-400" aria-hidden="true" />
        <p className="text-xs text-zinc-500">
          {hasFilters
            ? "No post matches these filters."
            : "No comments yet. When people comment on your posts, the posts show here."}
        </p>
      </div>
    );
  }
  return (
    <ul aria-label="Posts" className="min-h-0 flex-1 space-y-0.5 overflow-y-auto p-1">
      {posts.map((post) => (
        <li key={post.id}>
          <PostRow
            post={post}
            now={now}
            isSelected={post.id === selectedId}
            onOpen={() => onOpen(post.id)}
          />
        </li>
      ))}
      {list.hasNextPage && (
        <li className="p-1">
          <button
            type="button"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
            className="h-6 w-full rounded-md text-[11px] font-medium text-indigo-600 hover:bg-zinc-100 disabled:opacity-50 dark:hover:bg-zinc-900"
          >
            {list.isFetchingNextPage ? "Loading…" : "Older posts"}
          </button>
        </li>
      )}
    </ul>
  );
}
