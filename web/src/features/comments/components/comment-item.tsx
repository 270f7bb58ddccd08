import { INTENT_LABELS } from "@dm-desk/shared/contracts/ai-assistant";
import type { ThreadComment } from "@dm-desk/shared/contracts/comments";
import { EyeOff, Lock, MessageSquareReply, Send, Trash2 } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { AlertDialog } from "@/components/ui/alert-dialog.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { paths } from "@/config/paths.ts";
import { useDeleteComment } from "@/features/comments/api/delete-comment.ts";
import { useHideComment } from "@/features/comments/api/hide-comment.ts";
import { PrivateReplyDialog } from "@/features/comments/components/private-reply-dialog.tsx";
import type { CommentsTemplate } from "@/features/comments/utils/comment-people.ts";
import { formatCommentTime } from "@/features/comments/utils/format-time.ts";

type CommentItemProps = {
  imoId: string;
  comment: ThreadComment;
  author: string;
  now: Date;
  templates: CommentsTemplate[];
  onReply?: () => void;
};

const ACTION =
  "inline-flex h-6 items-center gap-0.5 rounded px-1.5 text-[11px] font-medium text-zinc-600 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-400 dark:hover:bg-zinc-800";

/** One comment: who, when, what (and what it was before an edit), and what a member may do. */
export function CommentItem({ imoId, comment, author, now, templates, onReply }: CommentItemProps) {
  const [isPrivateOpen, setPrivateOpen] = useState(false);
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const hide = useHideComment(imoId, comment.post_id);
  const remove = useDeleteComment(imoId, comment.post_id);
  const isContact = comment.author.kind === "contact";
  const isGone = comment.deleted_at !== null;
  const isOnInstagram = comment.external_id !== null;

  return (
    <article
      aria-label={`Comment by ${author}`}
      className={`flex gap-2 ${isGone ? "opacity-60" : ""}`}
    >
      <Avatar name={author} className="size-6 text-[10px]" />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-1 text-[11px]">
          <span className="font-semibold text-zinc-900 dark:text-zinc-100">{author}</span>
          <time className="text-zinc-500" dateTime={comment.commented_at}>
            {formatCommentTime(comment.commented_at, now)}
          </time>
          {comment.is_unread && <Badge tone="indigo">New</Badge>}
          {comment.edited_at && (
            <span title={comment.edits.map((v) => v.text).join("\n→ ")}>
              <Badge tone="zinc">Edited</Badge>
            </span>
          )}
          {comment.ai && comment.ai.intent !== "other" && (
            <span title={`The AI read this comment (${Math.round(comment.ai.confidence * 100)}%)`}>
              <Badge tone="indigo">{INTENT_LABELS[comment.ai.intent]}</Badge>
            </span>
          )}
          {comment.hidden_at && <Badge tone="amber">Hidden</Badge>}
          {isGone && <Badge tone="red">Deleted</Badge>}
          {comment.status === "pending" && <Badge tone="zinc">Posting…</Badge>}
          {comment.status === "failed" && (
            <Badge tone="red">
              {`Not posted: ${comment.error?.message ?? comment.error?.code}`}
            </Badge>
          )}
        </p>
        <p className="text-xs break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
          {comment.text}
        </p>
        {comment.private_reply && (
          <p className="mt-0.5 flex items-center gap-1 text-[10px] text-zinc-500">
            <Lock className="size-3" aria-hidden="true" />
            {comment.private_reply.status === "failed"
              ? "Private reply failed"
              : "Replied privately"}
            {" · "}
            <Link
              to={paths.app.messages.getHref({
                conversationId: comment.private_reply.conversation_id,
              })}
              className="font-medium text-indigo-600 underline"
            >
              Open the conversation
            </Link>
          </p>
        )}
        {isOnInstagram && !isGone && (
          <div className="mt-0.5 flex flex-wrap gap-0.5" role="group" aria-label="Comment actions">
            {onReply && (
              <button type="button" className={ACTION} onClick={onReply}>
                <MessageSquareReply className="size-3" aria-hidden="true" />
                Reply
              </button>
            )}
            {isContact && (
              <button
                type="button"
                className={ACTION}
                onClick={() => setPrivateOpen(true)}
              >
                <Send className="size-3" aria-hidden="true" />
                Reply privately
              </button>
            )}
            {isContact && (
              <button
                type="button"
                className={ACTION}
                disabled={hide.isPending}
                onClick={() => hide.mutate({ commentId: comment.id, hidden: !comment.hidden_at })}
              >
                <EyeOff className="size-3" aria-hidden="true" />
                {comment.hidden_at ? "Show" : "Hide"}
              </button>
            )}
            <button
              type="button"
              className={ACTION}
              onClick={() =>
                setDeleteOpen(true)}
            >
              <Trash2 className="size-3" aria-hidden="true" />
              Delete
            </button>
          </div>
        )}
      </div>
      {isPrivateOpen && (
        <PrivateReplyDialog
          imoId={imoId}
          comment={comment}
          author={author}
          templates={templates}
          open={isPrivateOpen}
          onOpenChange={setPrivateOpen}
        />
      )}
      <AlertDialog
        open={isDeleteOpen}
        onOpenChange={setDeleteOpen}
        title="Delete this comment on Instagram?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => remove.mutate(comment.id, { onSuccess: () => setDeleteOpen(false) })}
      >
        It disappears from the post for everyone. DM Desk keeps it here, marked deleted.
      </AlertDialog>
    </article>
  );
}

const TONES = {
  indigo: "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300",
  zinc: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300",
  amber: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
  red: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
} as const;

function Badge({ tone, children }: { tone: keyof typeof TONES; children: string }) {
  return <span className={`rounded px-1 text-[10px] font-medium ${TONES[tone]}`}>{children}</span>;
}
