import type { CommentThread as Thread } from "@dm-desk/shared/contracts/comments";
import { useRef, useState } from "react";
import { CommentItem } from "@/features/comments/components/comment-item.tsx";
import { PublicReplyForm } from "@/features/comments/components/public-reply-form.tsx";
import {
  commentAuthor,
  type CommentsAccount,
  type CommentsTemplate,
} from "@/features/comments/utils/comment-people.ts";

type CommentThreadProps = {
  imoId: string;
  thread: Thread;
  viewerId: string;
  account?: CommentsAccount;
  now: Date;
  templates: CommentsTemplate[];
};

/** A top-level comment with its replies (Instagram threads one level deep) and a reply box. */
export function CommentThread(
  { imoId, thread, viewerId, account, now, templates }: CommentThreadProps,
) {
  const [isReplying, setReplying] = useState(false);
  // the Reply button that opened the box gets the focus back when the box goes
  const replyOpener = useRef<HTMLElement | null>(null);
  const startReply = () => {
    replyOpener.current = document.activeElement instanceof HTMLElement
      ? document.activeElement
      : null;
    setReplying(true);
  };
  const endReply = () => {
    setReplying(false);
    replyOpener.current?.focus();
  };
  const name = (comment: Thread["comment"]) => commentAuthor(comment, viewerId, account);
  const top = thread.comment;
  // Instagram takes no reply to a hidden comment
  const canReply = !top.hidden_at && !top.deleted_at;
  return (
    <li className="space-y-1.5 border-b border-zinc-100 p-2 last:border-b-0 dark:border-zinc-900">
      <CommentItem
        imoId={imoId}
        comment={top}
        author={name(top)}
        now={now}
        templates={templates}
        onReply={canReply ? startReply : undefined}
      />
      {thread.replies.length > 0 && (
        <ul className="ml-8 space-y-1.5" aria-label="Replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentItem
                imoId={imoId}
                comment={reply}
                author={name(reply)}
                now={now}
                templates={templates}
                onReply={canReply ? startReply : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      {isReplying && (
        <div className="ml-8">
          <PublicReplyForm
            imoId={imoId}
            postId={top.post_id}
            commentId={top.id}
            replyingTo={name(top)}
            onDone={endReply}
          />
        </div>
      )}
    </li>
  );
}
