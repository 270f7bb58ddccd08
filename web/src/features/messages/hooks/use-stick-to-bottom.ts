import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

// Within this many pixels of the end counts as "at the bottom".
const BOTTOM_SLACK_PX = 48;
// A scroll this soon after the reader's wheel, touch, key or pointer is theirs; any other is the
// page's own (the list measuring its rows and moving them), which must not unpin the bottom.
const USER_SCROLL_MS = 1000;
const USER_SCROLL_EVENTS = ["wheel", "touchmove", "keydown", "pointerdown"] as const;

/**
 * A chat's scrolling: starts at the newest message and follows new ones while the reader is at
 * the bottom; once they scroll up it stays put and says that something new arrived below, except
 * for their own reply, which it shows. When older messages are put above, the view keeps its
 * place instead of jumping.
 */
export function useStickToBottom(
  scrollRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
  { newestId, oldestId, isNewestOwn = false }: {
    newestId: string | undefined;
    oldestId: string | undefined;
    /** the newest message is one this reader just sent */
    isNewestOwn?: boolean;
  },
) {
  const isAtBottomRef = useRef(true);
  const userScrolledAt = useRef(0);
  const heightRef = useRef(0);
  // Nothing seen yet: a thread that mounts with its messages already cached opens at the bottom.
  const seen = useRef<{ newestId?: string; oldestId?: string }>({});
  const [hasNewBelow, setHasNewBelow] = useState(false);

  const scrollToBottom = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    isAtBottomRef.current = true;
    setHasNewBelow(false);
  }, [scrollRef]);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const isAtBottom =
      element.scrollHeight - element.scrollTop - element.clientHeight < BOTTOM_SLACK_PX;
    if (isAtBottom) isAtBottomRef.current = true;
    else if (performance.now() - userScrolledAt.current < USER_SCROLL_MS) {
      isAtBottomRef.current = false;
    } else if (isAtBottomRef.current) element.scrollTop = element.scrollHeight;
    heightRef.current = element.scrollHeight;
    if (isAtBottomRef.current) setHasNewBelow(false);
  }, [scrollRef]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const mark = () => {
      userScrolledAt.current = performance.now();
    };
    for (const type of USER_SCROLL_EVENTS) element.addEventListener(type, mark, { passive: true });
    return () => {
      for (const type of USER_SCROLL_EVENTS) element.removeEventListener(type, mark);
    };
  }, [scrollRef]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const before = seen.current;
    seen.current = { newestId, oldestId };
    if (before.newestId !== newestId) {
      if (isAtBottomRef.current || before.newestId === undefined || isNewestOwn) scrollToBottom();
      else setHasNewBelow(true);
    } else if (before.oldestId !== oldestId) {
      // older messages went in above: keep the same message under the reader's eyes
      element.scrollTop += element.scrollHeight - heightRef.current;
    }
    heightRef.current = element.scrollHeight;
  }, [newestId, oldestId, isNewestOwn, scrollRef, scrollToBottom]);

  // Images load after the text, and rows are measured after they render: while at the bottom,
  // stay there as the content grows.
  useEffect(() => {
    const element = scrollRef.current;
    const content = contentRef.current;
    if (!element || !content || !globalThis.ResizeObserver) return;
    const observer = new ResizeObserver(() => {
      if (isAtBottomRef.current) element.scrollTop = element.scrollHeight;
      heightRef.current = element.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [scrollRef, contentRef]);

  return { onScroll, hasNewBelow, scrollToBottom };
}
