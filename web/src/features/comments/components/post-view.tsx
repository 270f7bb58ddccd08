import type { InboxPost } from "@dm-desk/shared/contracts/comments";
import { useEffect } from "react";
import { InlineError } from "@/components/ui/inline-error.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { usePostComments } from "@/features/comments/api/get-post-comments.ts";
import { useTriagePost } from "@/features/comments/api/triage-post.ts";
import { CommentThread } from "@/features/comments/components/comment-thread.tsx";
import { PostHeader } from "@/features/comments/components/post-header.tsx";
import {
  accountLabel,
  type CommentsAccount,
  type CommentsMember,
  type CommentsTemplate,
} from "@/features/comments/utils/comment-people.ts";
import { useNow } from "@/hooks/use-now.ts";

type PostViewProps = {
  imoId: string;
  postId: string;
  listed: InboxPost | undefined;
  account: CommentsAccount | undefined;
  members: CommentsMember[];
  templates: CommentsTemplate[];
  viewerId: string;
  onBack?: () => void;
};

/** The open post and its comment threads, newest first; opening it marks its comments read. */
export function PostView(props: PostViewProps) {
  const { imoId, postId } = props;
  const threads = usePostComments(imoId, postId);
  const triage = useTriagePost(imoId);
  const now = useNow();
  const post = threads.data?.pages[0]?.post ?? props.listed;
  const unread = post?.unread_count ?? 0;
  const { mutate } = triage;

  useEffect(() => {
    if (unread > 0) mutate({ postId, change: { action: "mark_read" } });
  }, [postId, unread, mutate]);

  if (threads.status === "pending") {
    return (
      <div role="status" aria-label="Loading comments" className="space-y-2 p-3">
        <Skeleton className="h-12 w-full" />
        <Skeleton className="h-8 w-3/4" />
        <Skeleton className="h-8 w-2/3" />
      </div>
    );
  }
  if (threads.status === "error") {
    return (
      <InlineError
        message={`Couldn't load the comments. ${threads.error.message}`}
        onRetry={() => void threads.refetch()}
      />
    );
  }
  const all = threads.data.pages.flatMap((page) => page.threads);
  return (
    <section
      aria-label="Comments on this post"
      className="flex h-full min-h-0 flex-col bg-white dark:bg-zinc-950"
    >
      <PostHeader
        imoId={imoId}
        post={post!}
        accountName={props.account ? accountLabel(props.account) : "Instagram"}
        members={props.members}
        onBack={props.onBack}
      />
      {all.length === 0
        ? <p className="p-4 text-xs text-zinc-500">No comments on this post yet.</p>
        : (
          <ul className="min-h-0 flex-1 overflow-y-auto" aria-label="Comment threads">
            {all.map((thread) => (
              <CommentThread
                key={thread.comment.id}
                imoId={imoId}
                thread={thread}
                viewerId={props.viewerId}
                account={props.account}
                now={now}
                templates={props.templates}
              />
            ))}
            {threads.hasNextPage && (
              <li className="p-2">
                <button
                  type="button"
                  onClick={() => void threads.fetchNextPage()}
                  disabled={threads.isFetchingNextPage}
                  className="h-6 w-full rounded-md text-[11px] font-medium text-indigo-600 hover:bg-zinc-100 disabled:opacity-50 dark:hover:bg-zinc-900"
                >
                  {threads.isFetchingNextPage ? "Loading…" : "Older comments"}
                </button>
              </li>
            )}
          </ul>
        )}
    </section>
  );
}
