import { MessageCircle } from "lucide-react";
import { useEffect } from "react";
import { useComment } from "@/features/comments/api/get-comment.ts";
import { Group, Panel, Separator } from "react-resizable-panels";
import { usePosts } from "@/features/comments/api/get-posts.ts";
import { PostSidebar } from "@/features/comments/components/post-sidebar.tsx";
import { PostView } from "@/features/comments/components/post-view.tsx";
import { useCommentsParams } from "@/features/comments/hooks/use-comments-params.ts";
import { useCommentsRealtime } from "@/features/comments/hooks/use-comments-realtime.ts";
import type {
  CommentsAccount,
  CommentsMember,
  CommentsTemplate,
} from "@/features/comments/utils/comment-people.ts";
import { useMediaQuery } from "@/hooks/use-media-query.ts";

type CommentsInboxProps = {
  imoId: string;
  accounts: CommentsAccount[];
  members: CommentsMember[];
  templates: CommentsTemplate[];
  viewerId: string;
};

/**
 * The Comments page: posts beside the open one, in resizable panels; below 768 px one panel at a
 * time, with a way back. Live updates come from the IMO's Realtime topic.
 */
export function CommentsInbox(props: CommentsInboxProps) {
  const { imoId, accounts } = props;
  const params = useCommentsParams();
  const isWide = useMediaQuery("(min-width: 768px)");
  useCommentsRealtime(imoId);
  const linked = useComment(imoId, params.postId ? undefined : params.commentId);
  const linkedPostId = linked.data?.post_id;
  const { showCommentPost } = params;
  useEffect(() => {
    if (linkedPostId) showCommentPost(linkedPostId);
  }, [linkedPostId, showCommentPost]);

  // the sidebar's own query (same key): no second request
  const list = usePosts(imoId, params.filters);
  const posts = list.data?.pages.flatMap((page) => page.posts) ?? [];
  const unreadByAccount = new Map(
    (list.data?.pages[0]?.unread_by_account ?? []).map((row) => [
      row.channel_account_id,
      row.unread_comments,
    ]),
  );
  const totalUnread = [...unreadByAccount.values()].reduce((sum, n) => sum + n, 0);
  const listed = posts.find((post) => post.id === params.postId);
  const back = isWide ? undefined : () => params.openPost(undefined);

  const sidebar = (
    <PostSidebar
      imoId={imoId}
      accounts={accounts}
      unreadByAccount={unreadByAccount}
      accountId={params.accountId}
      toggles={params.toggles}
      filters={params.filters}
      selectedId={params.postId}
      onAccountChange={params.setAccount}
      onToggle={params.setToggle}
      onOpen={params.openPost}
    />
  );
  const view = params.postId
    ? (
      <PostView
        key={params.postId}
        imoId={imoId}
        postId={params.postId}
        listed={listed}
        account={accounts.find((a) => a.id === listed?.channel_account_id)}
        members={props.members}
        templates={props.templates}
        viewerId={props.viewerId}
        onBack={back}
      />
    )
    : (
      <div className="flex h-full flex-col items-center justify-center gap-2 bg-white p-6 text-center dark:bg-zinc-950">
        <MessageCircle className="size-6 text-zinc-400" aria-hidden="true" />
        <p className="text-xs text-zinc-500">Pick a post to read and answer its comments.</p>
      </div>
    );

  return (
    <>
      <title>{`${totalUnread ? `(${totalUnread}) ` : ""}Comments · DM Desk`}</title>
      {isWide
        ? (
          <Group orientation="horizontal" className="min-h-0 flex-1">
            <Panel id="comments-sidebar" defaultSize="30%" minSize="220px" maxSize="50%">
              {sidebar}
            </Panel>
            <Separator className="w-px bg-zinc-200 transition-colors hover:bg-indigo-400 data-[separator=active]:bg-indigo-500 dark:bg-zinc-800" />
            <Panel id="comments-post" minSize="320px">
              {view}
            </Panel>
          </Group>
        )
        : <div className="flex min-h-0 flex-1 flex-col">{params.postId ? view : sidebar}</div>}
    </>
  );
}
