import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown } from "lucide-react";
import { useMemo, useRef } from "react";
import { InlineError } from "@/components/ui/inline-error.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { useThread } from "@/features/messages/api/get-messages.ts";
import { MessageBubble } from "@/features/messages/components/message-bubble.tsx";
import { useStickToBottom } from "@/features/messages/hooks/use-stick-to-bottom.ts";
import type { ThreadEntry } from "@/features/messages/utils/inbox-cache.ts";
import { threadRowKey } from "@/features/messages/utils/thread-row-key.ts";
import { useNow } from "@/hooks/use-now.ts";

// Older messages load when the reader comes this close to the top.
const LOAD_OLDER_PX = 120;
// A one-line bubble with its meta line; real heights are measured as rows render.
const ESTIMATED_ROW_PX = 52;

type MessageThreadProps = {
  imoId: string;
  conversationId: string;
  viewerId: string;
  onRetry: (message: ThreadEntry) => void;
};

/** The history, oldest at the top and newest at the bottom, reaching back page by page. */
export function MessageThread({ imoId, conversationId, viewerId, onRetry }: MessageThreadProps) {
  const query = useThread(imoId, conversationId);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  // pages and their messages come newest first; the thread reads oldest first
  const messages = useMemo(
    (): ThreadEntry[] => (query.data?.pages.flatMap((page) => page.messages) ?? []).toReversed(),
    [query.data],
  );
  // Virtualised like the list: a long history keeps only the rows in view in the DOM.
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (index) => threadRowKey(messages[index]!),
    overscan: 10,
  });
  const { onScroll, hasNewBelow, scrollToBottom } = useStickToBottom(scrollRef, contentRef, {
    newestId: messages.at(-1) && threadRowKey(messages.at(-1)!),
    oldestId: messages[0] && threadRowKey(messages[0]),
    isNewestOwn: messages.at(-1)?.author.user_id === viewerId,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadOlder = () => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        onScroll={() => {
          onScroll();
          if ((scrollRef.current?.scrollTop ?? Infinity) < LOAD_OLDER_PX) loadOlder();
        }}
        role="log"
        aria-label="Message history"
        className="h-full overflow-y-auto py-2"
      >
        {query.status === "pending" && <ThreadSkeleton />}
        {query.status === "error" && (
          <InlineError
            message={`Couldn't load messages. ${query.error.message}`}
            onRetry={() => void query.refetch()}
          />
        )}
        {hasNextPage && (
          <div className="flex justify-center py-1">
            <button
              type="button"
              onClick={loadOlder}
              disabled={isFetchingNextPage}
              className="h-6 rounded-md px-2 text-[11px] text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              {isFetchingNextPage ? "Loading older messages…" : "Load older messages"}
            </button>
          </div>
        )}
        {query.status === "success" && !messages.length && (
          <p className="p-4 text-center text-xs text-zinc-500">No messages yet.</p>
        )}
        <div
          ref={contentRef}
          className="relative w-full"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <MessageBubble
                message={messages[item.index]!}
                viewerId={viewerId}
                now={now}
                onRetry={onRetry}
              />
            </div>
          ))}
        </div>
      </div>
      {hasNewBelow && (
        <button
          type="button"
          onClick={scrollToBottom}
          className="absolute bottom-2 left-1/2 inline-flex h-6 -translate-x-1/2 items-center gap-1 rounded-full bg-zinc-900 px-2 text-[11px] font-medium text-white shadow dark:bg-zinc-100 dark:text-zinc-900"
        >
          <ArrowDown className="size-3" aria-hidden="true" />
          New messages
        </button>
      )}
    </div>
  );
}

function ThreadSkeleton() {
  return (
    <div role="status" aria-label="Loading messages" className="space-y-3 p-3">
      {[40, 60, 35, 55].map((width, index) => (
        <div key={index} className={`flex ${index % 2 ? "justify-end" : ""}`}>
          <Skeleton className="h-8" style={{ width: `${width}%` }} />
        </div>
      ))}
    </div>
  );
}
