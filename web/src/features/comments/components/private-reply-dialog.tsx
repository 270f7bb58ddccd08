import type { ThreadComment } from "@dm-desk/shared/contracts/comments";
import { type FormEvent, useRef, useState } from "react";
import { Link } from "react-router";
import { Dialog } from "@/components/ui/dialog.tsx";
import { paths } from "@/config/paths.ts";
import { useReplyPrivately } from "@/features/comments/api/reply-privately.ts";
import type { CommentsTemplate } from "@/features/comments/utils/comment-people.ts";
import {
  explainPrivateReplyFailure,
  privateReplyState,
} from "@/features/comments/utils/private-reply-status.ts";

type PrivateReplyDialogProps = {
  imoId: string;
  comment: ThreadComment;
  author: string;
  templates: CommentsTemplate[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

const FIELD =
  "w-full rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs text-zinc-900 focus:border-indigo-500 focus:outline-none dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100";

/**
 * A private reply (Meta's Private Replies): one direct message to the commenter, within 7 days of
 * the comment, which starts the conversation with them. Why it cannot go is said before anyone
 * tries; what Instagram answered is said after.
 */
export function PrivateReplyDialog(props: PrivateReplyDialogProps) {
  const { comment, templates } = props;
  const [text, setText] = useState("");
  const [templateId, setTemplateId] = useState("");
  const key = useRef(crypto.randomUUID());
  const send = useReplyPrivately(props.imoId, comment.post_id);
  const state = privateReplyState(comment, new Date());
  const sent = send.data?.message;
  const failure = sent?.status === "failed" && sent.error
    ? explainPrivateReplyFailure(sent.error)
    : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate({
      commentId: comment.id,
      clientMessageId: key.current,
      ...(templateId ? { templateId } : { text }),
    }, {
      // a refused reply is final: trying again is a new request, not the same one replayed
      onSuccess: ({ message }) => {
        if (message.status === "failed") key.current = crypto.randomUUID();
      },
    });
  };

  return (
    <Dialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={`Reply privately to ${props.author}`}
      description="Instagram sends one direct message per comment, within 7 days of it. It starts your conversation with them."
      isCompact
    >
      {sent && sent.status !== "failed"
        ? (
          <div className="space-y-2 text-xs">
            <p role="status">Sent. The conversation continues in Messages once they write back.</p>
            <Link
              to={paths.app.messages.getHref({ conversationId: sent.conversation_id })}
              className="font-medium text-indigo-600 underline"
            >
              Open the conversation
            </Link>
          </div>
        )
        : (
          <form onSubmit={submit} className="space-y-2">
            <blockquote className="border-l-2 border-zinc-300 pl-2 text-[11px] text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              {comment.text}
            </blockquote>
            {!state.canSend && (
              <p role="alert" className="text-[11px] text-amber-700 dark:text-amber-400">
                {state.reason}
              </p>
            )}
            {state.canSend && templates.length > 0 && (
              <label className="block space-y-0.5">
                <span className="text-[11px] text-zinc-600 dark:text-zinc-400">Template</span>
                <select
                  value={templateId}
                  onChange={(event) => setTemplateId(event.target.value)}
                  className={`${FIELD} h-7`}
                >
                  <option value="">Write a message</option>
                  {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                </select>
              </label>
            )}
            {state.canSend && !templateId && (
              <label className="block space-y-0.5">
                <span className="text-[11px] text-zinc-600 dark:text-zinc-400">Message</span>
                <textarea
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  rows={3}
                  className={FIELD}
                />
              </label>
            )}
            {(send.error || failure) && (
              <p role="alert" className="text-[11px] text-red-600 dark:text-red-400">
                {send.error?.message ?? failure}
              </p>
            )}
            <div className="flex justify-end">
              <button
                type="submit"
                disabled={!state.canSend || send.isPending || (!templateId && !text.trim())}
                className="h-7 rounded-md bg-indigo-600 px-3 text-xs font-semibold text-white hover:bg-indigo-500 disabled:opacity-50"
              >
                {send.isPending ? "Sending…" : "Send privately"}
              </button>
            </div>
          </form>
        )}
    </Dialog>
  );
}
