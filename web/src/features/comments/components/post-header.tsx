import type { InboxPost } from "@dm-desk/shared/contracts/comments";
import { ArrowLeft, ExternalLink, Star, UserRound } from "lucide-react";
import {
  COMPACT_BUTTON,
  COMPACT_MENU_ITEM,
  CompactMenu,
  CompactMenuButton,
  CompactMenuItem,
} from "@/components/ui/compact-menu.tsx";
import { useTriagePost } from "@/features/comments/api/triage-post.ts";
import { PostThumbnail } from "@/features/comments/components/post-row.tsx";
import type { CommentsMember } from "@/features/comments/utils/comment-people.ts";

type PostHeaderProps = {
  imoId: string;
  post: InboxPost;
  accountName: string;
  members: CommentsMember[];
  onBack?: () => void;
};

/** The open post: its picture, caption and link, with its priority and assignee. */
export function PostHeader({ imoId, post, accountName, members, onBack }: PostHeaderProps) {
  const triage = useTriagePost(imoId);
  const change = (c: Parameters<typeof triage.mutate>[0]["change"]) =>
    triage.mutate({ postId: post.id, change: c });
  return (
    <header className="flex items-start gap-2 border-b border-zinc-200 p-2 dark:border-zinc-800">
      {onBack && (
        <button
          type="button"
          onClick={onBack}
          className={COMPACT_BUTTON}
          aria-label="Back to posts"
        >
          <ArrowLeft className="size-3" aria-hidden="true" />
        </button>
      )}
      <PostThumbnail post={post} className="size-12" />
      <div className="min-w-0 flex-1">
        <p className="text-[10px] text-zinc-500">
          {accountName} · {post.comment_count} {post.comment_count === 1 ? "comment" : "comments"}
        </p>
        <p className="line-clamp-2 text-xs text-zinc-900 dark:text-zinc-100">
          {post.caption?.trim() || "Untitled post"}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-1">
          <button
            type="button"
            aria-pressed={post.is_priority}
            onClick={() => change({ action: "set_priority", is_priority: !post.is_priority })}
            className={COMPACT_BUTTON}
          >
            <Star
              className={`size-3 ${post.is_priority ? "fill-amber-400 text-amber-400" : ""}`}
              aria-hidden="true"
            />
            {post.is_priority ? "Priority" : "Mark priority"}
          </button>
          <CompactMenu>
            <CompactMenuButton
              label="Assign this post"
              trigger={
                <>
                  <UserRound className="size-3" aria-hidden="true" />
                  {post.assignee?.display_name ?? (post.assignee ? "Assigned" : "Assign")}
                </>
              }
            >
              <CompactMenuItem
                className={`${COMPACT_MENU_ITEM} h-6`}
                onSelect={() => change({ action: "assign", user_id: null })}
              >
                Unassigned
              </CompactMenuItem>
              {members.map((member) => (
                <CompactMenuItem
                  key={member.user_id}
                  className={`${COMPACT_MENU_ITEM} h-6`}
                  onSelect={() => change({ action: "assign", user_id: member.user_id })}
                >
                  {member.display_name || member.email}
                </CompactMenuItem>
              ))}
            </CompactMenuButton>
          </CompactMenu>
          {post.permalink && (
            <a
              href={post.permalink}
              target="_blank"
              rel="noreferrer"
              className={COMPACT_BUTTON}
            >
              <ExternalLink className="size-3" aria-hidden="true" />
              Instagram
            </a>
          )}
        </div>
      </div>
    </header>
  );
}
