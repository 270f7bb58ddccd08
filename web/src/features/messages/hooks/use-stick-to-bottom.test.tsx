import { act, fireEvent, render, screen } from "@testing-library/react";
import { useRef } from "react";
import { describe, expect, it } from "vitest";
import { useStickToBottom } from "@/features/messages/hooks/use-stick-to-bottom.ts";

// jsdom lays nothing out: the log's sizes are set by hand (each message 100 px, 400 px in view).
function Harness({ ids, isNewestOwn = false }: { ids: string[]; isNewestOwn?: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const { onScroll, hasNewBelow, scrollToBottom } = useStickToBottom(scrollRef, contentRef, {
    newestId: ids.at(-1),
    oldestId: ids[0],
    isNewestOwn,
  });
  return (
    <>
      <div
        role="log"
        ref={(element) => {
          scrollRef.current = element;
          if (!element) return;
          Object.defineProperty(element, "clientHeight", { configurable: true, value: 400 });
          Object.defineProperty(element, "scrollHeight", {
            configurable: true,
            get: () => ids.length * 100,
          });
        }}
        onScroll={onScroll}
      >
        <div ref={contentRef}>{ids.map((id) => <p key={id}>{id}</p>)}</div>
      </div>
      {hasNewBelow && <button type="button" onClick={scrollToBottom}>New messages</button>}
    </>
  );
}

/** The reader scrolls (a wheel turns first, as with a mouse). */
function readerScrolls(log: HTMLElement, top: number) {
  fireEvent.wheel(log);
  log.scrollTop = top;
  fireEvent.scroll(log);
}

const ids = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `m${from + i}`);

describe("useStickToBottom", () => {
  it("opens at the newest message and follows new ones while the reader is at the bottom", () => {
    const { rerender } = render(<Harness ids={ids(1, 10)} />);
    const log = screen.getByRole("log");
    expect(log.scrollTop).toBe(1000);

    rerender(<Harness ids={ids(1, 11)} />);
    expect(log.scrollTop).toBe(1100);
    expect(screen.queryByRole("button", { name: "New messages" })).toBeNull();
  });

  it("stays put once the reader scrolls up, and offers a way down", () => {
    const { rerender } = render(<Harness ids={ids(1, 10)} />);
    const log = screen.getByRole("log");
    readerScrolls(log, 200);

    rerender(<Harness ids={ids(1, 11)} />);
    expect(log.scrollTop).toBe(200);
    const button = screen.getByRole("button", { name: "New messages" });

    act(() => button.click());
    expect(log.scrollTop).toBe(1100);
    expect(screen.queryByRole("button", { name: "New messages" })).toBeNull();
  });

  it("keeps the same message in view when older ones are put above", () => {
    const { rerender } = render(<Harness ids={ids(11, 20)} />);
    const log = screen.getByRole("log");
    readerScrolls(log, 50);

    // a page of 10 older messages (1000 px) arrives above
    rerender(<Harness ids={ids(1, 20)} />);
    expect(log.scrollTop).toBe(1050);
    expect(screen.queryByRole("button", { name: "New messages" })).toBeNull();
  });

  it("stays at the bottom when the page scrolls itself (rows measured, heights moved)", () => {
    const { rerender } = render(<Harness ids={ids(1, 10)} />);
    const log = screen.getByRole("log");
    // the list re-measures a row above and moves the view, with no wheel, touch or key
    log.scrollTop = 300;
    fireEvent.scroll(log);

    rerender(<Harness ids={ids(1, 11)} />);
    expect(log.scrollTop).toBe(1100);
    expect(screen.queryByRole("button", { name: "New messages" })).toBeNull();
  });

  it("shows the reader's own reply even when they had scrolled up", () => {
    const { rerender } = render(<Harness ids={ids(1, 10)} />);
    const log = screen.getByRole("log");
    readerScrolls(log, 200);

    rerender(<Harness ids={ids(1, 11)} isNewestOwn />);
    expect(log.scrollTop).toBe(1100);
    expect(screen.queryByRole("button", { name: "New messages" })).toBeNull();
  });
});
