import { MAX_COMMENT_CHARACTERS } from "@dm-desk/shared/rules/comment-text";
import { type FormEvent, useRef, useState } from "react";
import { useReplyToComment } from "@/features/comments/api/reply-to-comment.ts";

type PublicReplyFormProps = {
  imoId: string;
  postId: string;
  commentId: string;
  replyingTo: string;
  onDone: () => void;
};

/** A public reply under the comment: everyone who sees the post sees it. */
export function PublicReplyForm(
  { imoId, postId, commentId, replyingTo, onDone }: PublicReplyFormProps,
) {
  const [text, setText] = useState("");
  // one key per reply being written: a retried request is the same reply, never a second one
  const key = useRef(crypto.randomUUID());
  const reply = useReplyToComment(imoId, postId);
  const characters = [...text].length;
  const isTooLong = characters > MAX_COMMENT_CHARACTERS;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || isTooLong) return;
    reply.mutate({ commentId, clientCommentId: key.current, text }, {
      onSuccess: ({ comment }) => {
        if (comment.status === "failed") return;
        key.current = crypto.randomUUID();
        setText("");
        onDone();
      },
    });
  };
  const failed = reply.data?.comment.status === "failed" ? reply.data.comment.error : null;

  return (
    <form
      onSubmit={submit}
      className="mt-1 space-y-1"
      aria-label={`Reply publicly to ${replyingTo}`}
    >
      <label className="block">
        <span className="sr-only">Public reply</span>
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={2}
          // it opens from a Reply button: writing starts at once
          autoFocus
          placeholder={`Reply publicly to ${replyingTo}`}
          onKeyDown={(event) => {
            if (event.key === "Escape") onDone();
          }}
          className="w-full resize-y rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs text-zinc-900 placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        />
      </label>
      {(reply.error || failed) && (
        <p role="alert" className="text-[11px] text-red-600 dark:text-red-400">
          {reply.error?.message ?? `Instagram did not post it: ${failed?.message ?? failed?.code}`}
        </p>
      )}
      <div className="flex items-center gap-1">
        <span className={`text-[10px] ${isTooLong ? "text-red-600" : "text-zinc-500"}`}>
          {characters}/{MAX_COMMENT_CHARACTERS}
        </span>
        <button
          type="button"
          onClick={onDone}
          className="ml-auto h-6 rounded-md px-2 text-[11px] text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
        >
          Cancel
        </button>
        <button
          type="submit"
          disabled={!text.trim() || isTooLong || reply.isPending}
          className="h-6 rounded-md bg-indigo-600 px-2 text-[11px] font-semibold text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {reply.isPending ? "Posting…" : "Reply publicly"}
        </button>
      </div>
    </form>
  );
}
