import { AlertCircle, Check, CheckCheck, Clock } from "lucide-react";
import {
  MessageAttachments,
  StoryReference,
} from "@/features/messages/components/message-attachments.tsx";
import { PrivateReplyLink } from "@/features/messages/components/private-reply-link.tsx";
import { PostLink } from "@/features/messages/components/post-link.tsx";
import { formatMessageTime } from "@/features/messages/utils/format-time.ts";
import type { ThreadEntry } from "@/features/messages/utils/inbox-cache.ts";
import { provenanceOf } from "@/features/messages/utils/message-provenance.ts";

type MessageBubbleProps = {
  message: ThreadEntry;
  viewerId: string;
  now: Date;
  onRetry: (message: ThreadEntry) => void;
};

export function MessageBubble({ message, viewerId, now, onRetry }: MessageBubbleProps) {
  const isOutbound = message.direction === "outbound";
  const isFailed = message.status === "failed";
  const story = message.reply_to?.story;
  return (
    <div
      role="article"
      aria-label={isOutbound ? "Sent message" : "Received message"}
      data-status={message.status}
      className={`flex flex-col px-3 py-0.5 ${isOutbound ? "items-end" : "items-start"}`}
    >
      <div
        className={`max-w-[75%] rounded-lg px-2 py-1.5 text-xs leading-5 break-words whitespace-pre-wrap ${
          isOutbound
            ? isFailed
              ? "border border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
              : "bg-indigo-600 text-white"
            : "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
        } ${message.status === "pending" ? "opacity-70" : ""}`}
      >
        {message.type === "story_reply" && (
          <StoryReference story={story ?? {}} label="Replied to your story" />
        )}
        {message.deleted_at ? <span className="italic opacity-70">Message unsent</span> : (
          <>
            <MessageAttachments message={message} />
            {message.text && <span>{message.text}</span>}
            {!message.text && !message.attachments.length && message.type === "unsupported" && (
              <span className="italic opacity-70">A message Instagram doesn't share with apps</span>
            )}
          </>
        )}
      </div>
      {message.reactions.length > 0 && (
        <div className="-mt-1 flex gap-0.5" aria-label="Reactions">
          {message.reactions.map((reaction, index) => (
            <span
              key={index}
              title={`${reaction.by === "contact" ? "They" : "You"} reacted`}
              className="rounded-full border border-zinc-200 bg-white px-1 text-[10px] dark:border-zinc-700 dark:bg-zinc-900"
            >
              {reaction.emoji ?? (reaction.reaction === "love" ? "❤️" : reaction.reaction)}
            </span>
          ))}
        </div>
      )}
      <MessageMeta message={message} viewerId={viewerId} now={now} onRetry={onRetry} />
      {message.private_reply_to_comment_id && (
        <PrivateReplyLink commentId={message.private_reply_to_comment_id} />
      )}
      {message.post && <PostLink url={message.post.url} />}
    </div>
  );
}

function MessageMeta({ message, viewerId, now, onRetry }: MessageBubbleProps) {
  const time = formatMessageTime(message.sent_at, now);
  if (message.direction === "inbound") {
    return <span className="mt-0.5 text-[10px] text-zinc-500">{time}</span>;
  }
  const who = provenanceOf(message.author, viewerId);
  if (message.status === "failed") {
    return (
      <span className="mt-0.5 flex items-center gap-1 text-[10px] text-red-700 dark:text-red-400">
        <AlertCircle className="size-3" aria-hidden="true" />
        <span>{`Not sent${message.error?.message ? `: ${message.error.message}` : ""}`}</span>
        <button
          type="button"
          onClick={() => onRetry(message)}
          className="h-5 rounded px-1 font-semibold underline underline-offset-2 hover:bg-red-100 dark:hover:bg-red-900"
        >
          Retry
        </button>
      </span>
    );
  }
  const StatusIcon = message.status === "pending"
    ? Clock
    : message.status === "read" || message.status === "delivered"
    ? CheckCheck
    : Check;
  const statusLabel = message.status === "pending"
    ? "Sending…"
    : message.status === "read"
    ? "Seen"
    : message.status === "delivered"
    ? "Delivered"
    : "Sent";
  return (
    <span className="mt-0.5 flex items-center gap-1 text-[10px] text-zinc-500">
      {who && <span>{who}</span>}
      <span aria-hidden="true">·</span>
      <span>{time}</span>
      <StatusIcon className="size-3" aria-hidden="true" />
      <span className="sr-only sm:not-sr-only">{statusLabel}</span>
    </span>
  );
}
