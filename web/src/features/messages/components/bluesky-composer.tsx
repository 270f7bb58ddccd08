import {
  BLUESKY_DM_MAX_GRAPHEMES,
  BLUESKY_POST_MAX_GRAPHEMES,
  blueskyTextProblem,
  graphemeLength,
} from "@dm-desk/shared/rules/bluesky-text";
import { Globe, Lock, SendHorizontal } from "lucide-react";
import type { KeyboardEvent } from "react";

type BlueskyComposerProps = {
  /** public: a reply posted in the thread for everyone to see; direct: a DM */
  kind: "public" | "direct";
  text: string;
  onTextChange: (text: string) => void;
  onSend: (text: string) => void;
  disabledReason?: string;
  /** what the reply answers, shown above the box for a public reply */
  replyingTo?: string;
};

/**
 * The reply box of a Bluesky conversation. It counts characters as Bluesky does (graphemes: 👍🏽
 * is one) against 300 for a post and 1000 for a DM, and says plainly when the reply is public.
 */
export function BlueskyComposer(props: BlueskyComposerProps) {
  const { kind, text, disabledReason } = props;
  const max = kind === "public" ? BLUESKY_POST_MAX_GRAPHEMES : BLUESKY_DM_MAX_GRAPHEMES;
  const count = graphemeLength(text);
  const problem = text ? blueskyTextProblem(text, kind === "public" ? "post" : "dm") : null;
  const canSend = !disabledReason && text.trim() !== "" && problem === null;
  const send = () => {
    if (canSend) props.onSend(text);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const KindIcon = kind === "public" ? Globe : Lock;

  return (
    <form
      aria-label="Reply"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      className="border-t border-zinc-200 p-2 dark:border-zinc-800"
    >
      <p className="mb-1.5 flex items-start gap-1 text-[11px] text-zinc-600 dark:text-zinc-400">
        <KindIcon className="mt-0.5 size-3 shrink-0" aria-hidden="true" />
        {disabledReason ??
          (kind === "public"
            ? `Public reply on Bluesky${props.replyingTo ? ` to “${props.replyingTo}”` : ""}`
            : "Direct message on Bluesky")}
      </p>
      <div className="flex items-end gap-1.5">
        <label className="min-w-0 flex-1">
          <span className="sr-only">{kind === "public" ? "Public reply" : "Message"}</span>
          <textarea
            value={text}
            disabled={Boolean(disabledReason)}
            rows={2}
            placeholder={kind === "public" ? "Reply in the thread…" : "Write a message…"}
            aria-invalid={problem !== null || undefined}
            onChange={(event) => props.onTextChange(event.target.value)}
            onKeyDown={handleKeyDown}
            className="block max-h-40 min-h-12 w-full resize-y rounded-md border border-zinc-200 bg-white px-2 py-1.5 text-xs text-zinc-900 placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none disabled:cursor-not-allowed disabled:bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100 dark:disabled:bg-zinc-900/50"
          />
        </label>
        <button
          type="submit"
          disabled={!canSend}
          className="inline-flex h-7 items-center gap-1 rounded-md bg-indigo-600 px-2 text-xs font-semibold text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
        >
          <SendHorizontal className="size-3.5" aria-hidden="true" />
          {kind === "public" ? "Reply" : "Send"}
        </button>
      </div>
      <div className="mt-1 flex justify-between gap-2">
        <span className="text-[10px] text-zinc-400">
          {problem && text.trim() ? problem : "Enter to send · Shift+Enter for a new line"}
        </span>
        <span
          aria-label={`${count} of ${max} characters`}
          className={`text-[10px] tabular-nums ${count > max ? "text-red-600" : "text-zinc-400"}`}
        >
          {`${count}/${max}`}
        </span>
      </div>
    </form>
  );
}
