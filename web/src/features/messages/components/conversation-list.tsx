import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { InlineError } from "@/components/ui/inline-error.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { useConversations } from "@/features/messages/api/get-conversations.ts";
import type { ConversationFilters } from "@/features/messages/api/keys.ts";
import { contactName, ConversationRow } from "@/features/messages/components/conversation-row.tsx";
import { useNow } from "@/hooks/use-now.ts";

const ROW_HEIGHT = 52;

type ConversationListProps = {
  imoId: string;
  viewerId: string;
  filters: ConversationFilters;
  hasFilters: boolean;
  /** the archived conversations instead of the inbox */
  isArchive: boolean;
  selectedId: string | undefined;
  humanAgentAccounts: ReadonlySet<string>;
  /** `keyboard`: opened with Enter, so the conversation takes the focus */
  onOpen: (conversation: InboxConversation, how: "keyboard" | "pointer") => void;
  /** focus the list on this conversation's row (back from it, on a phone or with Escape) */
  focusRequest?: { id: string };
};

/**
 * The sidebar's conversations, virtualised (only the visible rows are in the DOM, so thousands
 * stay smooth) and paged by cursor as the reader nears the end. A listbox: arrow keys move
 * through conversations, Enter opens one.
 */
export function ConversationList(props: ConversationListProps) {
  const { imoId, filters, selectedId, onOpen } = props;
  const query = useConversations(imoId, filters);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const conversations = useMemo(
    () => query.data?.pages.flatMap((page) => page.conversations) ?? [],
    [query.data],
  );
  // the row the arrow keys are on, by id: a DM that moves a conversation to the top shifts every
  // position below it, and Enter must still open the row that is outlined
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = activeId ? conversations.findIndex((c) => c.id === activeId) : -1;
  const { focusRequest } = props;
  const isLoaded = conversations.length > 0;

  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    if (lastIndex >= conversations.length - 10 && hasNextPage && !isFetchingNextPage) {
      void fetchNextPage();
    }
  }, [lastIndex, conversations.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Back from a conversation, the keyboard carries on from its row, not from the top of the page.
  useEffect(() => {
    if (!focusRequest || !isLoaded) return;
    const index = conversations.findIndex((c) => c.id === focusRequest.id);
    if (index >= 0) {
      setActiveId(focusRequest.id);
      virtualizer.scrollToIndex(index, { align: "auto" });
    }
    scrollRef.current?.focus();
    // once per request (and once the rows are there): a refetch must not pull the focus back
  }, [focusRequest, isLoaded]);

  if (query.status === "pending") return <ConversationListSkeleton />;
  if (query.status === "error") {
    return (
      <InlineError
        message={`Couldn't load conversations. ${query.error.message}`}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!conversations.length) {
    return (
      <p className="p-4 text-center text-xs text-zinc-500">
        {props.hasFilters
          ? "No conversations match these filters."
          : props.isArchive
          ? "No archived conversations."
          : "No conversations yet."}
      </p>
    );
  }

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(conversations.length - 1, index));
    setActiveId(conversations[next]!.id);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    const current = activeIndex >= 0
      ? activeIndex
      : conversations.findIndex((c) => c.id === selectedId);
    if (event.key === "ArrowDown") moveTo(current + 1);
    else if (event.key === "ArrowUp") moveTo(current - 1);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(conversations.length - 1);
    else if (event.key === "Enter" && conversations[current]) {
      onOpen(conversations[current], "keyboard");
    } else return;
    event.preventDefault();
  };
  const optionId = (id: string) => `conversation-option-${id}`;
  const active = conversations[activeIndex];

  return (
    <div
      ref={scrollRef}
      role="listbox"
      aria-label="Conversations"
      tabIndex={0}
      aria-activedescendant={active ? optionId(active.id) : undefined}
      onKeyDown={handleKeyDown}
      className="group min-h-0 flex-1 overflow-y-auto px-1.5 py-1 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500"
    >
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const conversation = conversations[item.index]!;
          return (
            <div
              key={conversation.id}
              id={optionId(conversation.id)}
              role="option"
              aria-selected={conversation.id === selectedId}
              aria-label={contactName(conversation.contact)}
              onClick={() => {
                setActiveId(conversation.id);
                onOpen(conversation, "pointer");
              }}
              className="absolute top-0 left-0 w-full cursor-pointer py-px"
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <ConversationRow
                conversation={conversation}
                viewerId={props.viewerId}
                now={now}
                hasHumanAgent={props.humanAgentAccounts.has(conversation.channel_account_id)}
                isSelected={conversation.id === selectedId}
                isActive={conversation.id === activeId}
              />
            </div>
          );
        })}
      </div>
      {isFetchingNextPage && (
        <p className="py-2 text-center text-[11px] text-zinc-500">Loading more…</p>
      )}
    </div>
  );
}

export function ConversationListSkeleton() {
  return (
    <div aria-label="Loading conversations" role="status" className="space-y-1 px-3 py-2">
      {Array.from(
        { length: 8 },
        (_, index) => (
          <div key={index} className="flex items-center gap-2 py-1.5">
            <Skeleton className="size-8 rounded-full" />
            <div className="flex-1 space-y-1.5">
              <Skeleton className="h-2.5 w-1/2" />
              <Skeleton className="h-2 w-4/5" />
            </div>
          </div>
        ),
      )}
    </div>
  );
}
