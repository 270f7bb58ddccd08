import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { BlueskyComposer } from "@/features/messages/components/bluesky-composer.tsx";

function renderComposer(kind: "public" | "direct", initial = "") {
  const onSend = vi.fn();
  function Harness() {
    const [text, setText] = useState(initial);
    return <BlueskyComposer kind={kind} text={text} onTextChange={setText} onSend={onSend} />;
  }
  render(<Harness />);
  return { onSend, user: userEvent.setup() };
}

describe("BlueskyComposer", () => {
  it("counts characters as Bluesky does: an emoji with a skin tone is one", async () => {
    const { user } = renderComposer("public");
    expect(screen.getByText("Public reply on Bluesky")).toBeTruthy();
    await user.type(screen.getByLabelText("Public reply"), "Hi 👍🏽");
    expect(screen.getByLabelText("4 of 300 characters")).toBeTruthy();
  });

  it("sends 300 characters of a post and refuses 301", async () => {
    const { user, onSend } = renderComposer("public", "👍🏽".repeat(300));
    const reply = screen.getByRole("button", { name: "Reply" }) as HTMLButtonElement;
    expect(reply.disabled).toBe(false);
    await user.click(reply);
    expect(onSend).toHaveBeenCalledWith("👍🏽".repeat(300));

    await user.type(screen.getByLabelText("Public reply"), "!");
    expect(screen.getByLabelText("301 of 300 characters")).toBeTruthy();
    expect(reply.disabled).toBe(true);
    expect(screen.getByText("Bluesky allows 300 characters; this is 301")).toBeTruthy();
  });

  it("says a DM is private and allows 1000 characters", () => {
    renderComposer("direct", "a".repeat(1000));
    expect(screen.getByText("Direct message on Bluesky")).toBeTruthy();
    expect(screen.getByLabelText("1000 of 1000 characters")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Send" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});
