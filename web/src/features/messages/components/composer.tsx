import { MAX_MESSAGE_BYTES, messageTextBytes } from "@dm-desk/shared/rules/message-text";
import { Lock, SendHorizontal } from "lucide-react";
import type { KeyboardEvent, Ref } from "react";
import { ByteCounter } from "@/features/messages/components/byte-counter.tsx";

type ComposerProps = {
  text: string;
  onTextChange: (text: string) => void;
  onSend: (text: string) => void;
  /** why nobody can reply now; the composer is disabled and says so */
  disabledReason?: string;
  /** the text box, for inserting at its caret (use-conversation-draft.ts) */
  textareaRef?: Ref<HTMLTextAreaElement>;
};

/** The reply box: Enter sends, Shift+Enter starts a new line. */
export function Composer(
  { text, onTextChange, onSend, disabledReason, textareaRef }: ComposerProps,
) {
  const isDisabled = Boolean(disabledReason);
  const isTooLong = messageTextBytes(text) > MAX_MESSAGE_BYTES;
  const canSend = !isDisabled && text.trim() !== "" && !isTooLong;
  const send = () => {
    if (canSend) onSend(text);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form
      aria-label="Reply"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      className="border-t border-zinc-200 p-2 dark:border-zinc-800"
    >
      {disabledReason && (
        <p
          role="status"
          className="mb-1.5 flex items-start gap-1 text-[11px] text-zinc-600 dark:text-zinc-400"
        >
          <Lock className="mt-0.5 size-3 shrink-0" aria-hidden="true" />
          {disabledReason}
        </p>
      )}
      <div className="flex items-end gap-1.5">
        <label className="min-w-0 flex-1">
          <span className="sr-only">Message</span>
          <textarea
            ref={textareaRef}
            value={text}
            disabled={isDisabled}
            rows={2}
            placeholder={isDisabled ? "Replies are off for now" : "Write a reply…"}
            aria-invalid={isTooLong || undefined}
            onChange={(event) => onTextChange(event.target.value)}
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
          Send
        </button>
      </div>
      <div className="mt-1 flex justify-between">
        <span className="text-[10px] text-zinc-400">
          {isTooLong
            ? "Too long for Instagram: shorten it to send."
            : "Enter to send · Shift+Enter for a new line"}
        </span>
        <ByteCounter text={text} />
      </div>
    </form>
  );
}
