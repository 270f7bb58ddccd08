import { MAX_MESSAGE_BYTES, messageTextBytes } from "@dm-desk/shared/rules/message-text";

/** Instagram counts a message in UTF-8 bytes, not characters: an emoji is 4 of the 1000. */
export function ByteCounter({ text }: { text: string }) {
  const bytes = messageTextBytes(text);
  const isOver = bytes > MAX_MESSAGE_BYTES;
  return (
    <span
      aria-live="polite"
      title="Instagram allows 1000 bytes a message; emoji and accented letters take 2 to 4 each."
      className={`text-[10px] tabular-nums ${
        isOver
          ? "font-semibold text-red-600 dark:text-red-400"
          : bytes > MAX_MESSAGE_BYTES * 0.9
          ? "text-amber-600 dark:text-amber-400"
          : "text-zinc-500"
      }`}
    >
      {`${bytes} / ${MAX_MESSAGE_BYTES} bytes`}
    </span>
  );
}
