import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MessageBubble } from "@/features/messages/components/message-bubble.tsx";
import type { ThreadEntry } from "@/features/messages/utils/inbox-cache.ts";
import { fakeMessage } from "@/testing/fixtures.ts";

const VIEWER = "00000000-0000-4000-8000-000000000001";
const NOW = new Date();

function renderBubble(message: ThreadEntry) {
  const onRetry = vi.fn();
  render(<MessageBubble message={message} viewerId={VIEWER} now={NOW} onRetry={onRetry} />);
  return { onRetry, bubble: screen.getByRole("article") };
}

const outbound = (author: ThreadEntry["author"], overrides: Partial<ThreadEntry> = {}) =>
  fakeMessage({ direction: "outbound", status: "sent", author, ...overrides });

describe("MessageBubble", () => {
  it.each(
    [
      [{ kind: "user", user_id: VIEWER, display_name: "Casey" }, "You"],
      [
        { kind: "user", user_id: "00000000-0000-4000-8000-000000000002", display_name: "Riley" },
        "Riley",
      ],
      [{ kind: "ai", user_id: null, display_name: null }, "AI assistant"],
      [{ kind: "automation", user_id: null, display_name: null }, "Automation"],
      [{
        kind: "automation",
        user_id: null,
        display_name: null,
        automation: { rule: "auto_reminder", scheduled_message_id: null },
      }, "Automatic reminder"],
      [{
        kind: "automation",
        user_id: "00000000-0000-4000-8000-000000000002",
        display_name: "Riley",
        automation: {
          rule: "scheduled_message",
          scheduled_message_id: "00000000-0000-4000-8000-0000000000f9",
        },
      }, "Scheduled by Riley"],
      [{ kind: "native_app", user_id: null, display_name: null }, "Sent from the Instagram app"],
    ] as const,
  )("names who sent an outbound message: %o", (author, label) => {
    const { bubble } = renderBubble(outbound({ ...author }));
    expect(within(bubble).getByText(label)).toBeTruthy();
  });

  it("shows images inline, shares as links, story replies and mentions with their story", () => {
    renderBubble(fakeMessage({
      type: "media",
      text: null,
      attachments: [
        { type: "image", url: "https://cdn.example/photo.jpg" },
        { type: "share", url: "https://example.com/job", title: "Recruiter job" },
        { type: "story_mention", url: "https://cdn.example/story.jpg" },
      ],
      reactions: [{ by: "contact", reaction: "love", at: NOW.toISOString() }],
    }));
    expect(screen.getByRole("img", { name: "Image" }).getAttribute("src")).toBe(
      "https://cdn.example/photo.jpg",
    );
    expect(screen.getByRole("link", { name: "Recruiter job" }).getAttribute("href")).toBe(
      "https://example.com/job",
    );
    expect(screen.getByText("Mentioned you in their story")).toBeTruthy();
    expect(within(screen.getByLabelText("Reactions")).getByText("❤️")).toBeTruthy();
  });

  it("shows the story a reply answers", () => {
    renderBubble(fakeMessage({
      type: "story_reply",
      text: "Love this!",
      reply_to: {
        message_id: null,
        external_id: null,
        story: { id: "1", url: "https://cdn.example/s.jpg" },
      },
    }));
    expect(screen.getByRole("img", { name: "Replied to your story" })).toBeTruthy();
    expect(screen.getByText("Love this!")).toBeTruthy();
  });

  it("marks a failed reply with Meta's reason and offers a retry", async () => {
    const message = outbound({ kind: "user", user_id: VIEWER, display_name: null }, {
      status: "failed",
      error: {
        code: "10/2534022",
        message: "Outside of allowed window",
        may_have_been_sent: false,
      },
    });
    const { bubble, onRetry } = renderBubble(message);
    expect(within(bubble).getByText("Not sent: Outside of allowed window")).toBeTruthy();
    await userEvent.click(within(bubble).getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledWith(message);
  });

  it("says a pending reply is sending", () => {
    renderBubble(
      outbound({ kind: "user", user_id: VIEWER, display_name: null }, { status: "pending" }),
    );
    expect(screen.getByText("Sending…")).toBeTruthy();
  });

  it("shows an unsent message as such", () => {
    renderBubble(fakeMessage({ deleted_at: NOW.toISOString(), text: "oops" }));
    expect(screen.getByText("Message unsent")).toBeTruthy();
    expect(screen.queryByText("oops")).toBeNull();
  });
});
