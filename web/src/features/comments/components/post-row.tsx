import type { InboxPost } from "@dm-desk/shared/contracts/comments";
import { ImageOff, Star, UserRound } from "lucide-react";
import { formatCommentTime } from "@/features/comments/utils/format-time.ts";

type PostRowProps = {
  post: InboxPost;
  now: Date;
  isSelected: boolean;
  onOpen: () => void;
};

/** One line of the posts list: the post's picture and caption, its newest comment, what is new. */
export function PostRow({ post, now, isSelected, onOpen }: PostRowProps) {
  const isUnread = post.unread_count > 0;
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-current={isSelected ? "true" : undefined}
      className={`flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left ${
        isSelected
          ? "bg-zinc-200/80 dark:bg-zinc-800"
          : "hover:bg-zinc-100 focus-visible:bg-zinc-100 dark:hover:bg-zinc-900 dark:focus-visible:bg-zinc-900"
      }`}
    >
      <PostThumbnail post={post} className="size-9" />
      <span className="min-w-0 flex-1">
        <span className="flex items-center gap-1">
          <span
            className={`truncate text-xs ${
              isUnread
                ? "font-semibold text-zinc-950 dark:text-zinc-50"
                : "font-medium text-zinc-800 dark:text-zinc-200"
            }`}
          >
            {post.caption?.trim() || "Untitled post"}
          </span>
          {post.is_priority && (
            <Star className="size-3 shrink-0 fill-amber-400 text-amber-400" aria-label="Priority" />
          )}
          <span className="ml-auto shrink-0 text-[10px] text-zinc-500">
            {post.last_comment_at ? formatCommentTime(post.last_comment_at, now) : ""}
          </span>
        </span>
        <span className="flex items-center gap-1">
          <span className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">
            {post.preview ?? ""}
          </span>
          {post.assignee && (
            <UserRound
              className="size-3 shrink-0 text-zinc-400"
              aria-label={`Assigned to ${post.assignee.display_name ?? "a teammate"}`}
            />
          )}
          {isUnread && (
            <span
              className="ml-auto shrink-0 rounded-full bg-indigo-600 px-1.5 text-[10px] font-semibold text-white"
              aria-label={`${post.unread_count} unread comments`}
            >
              {post.unread_count}
            </span>
          )}
        </span>
      </span>
    </button>
  );
}

/** The post's picture, or a placeholder until its details are fetched (or when they cannot be). */
export function PostThumbnail(
  { post, className }: { post: Pick<InboxPost, "thumbnail_url">; className: string },
) {
  if (post.thumbnail_url) {
    return (
      <img
        src={post.thumbnail_url}
        alt=""
        className={`shrink-0 rounded bg-zinc-200 object-cover dark:bg-zinc-800 ${className}`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`flex shrink-0 items-center justify-center rounded bg-zinc-200 text-zinc-400 dark:bg-zinc-800 ${className}`}
    >
      <ImageOff className="size-4" />
    </span>
  );
}
