import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { Composer } from "@/features/messages/components/composer.tsx";

function renderComposer(options: { initial?: string; disabledReason?: string } = {}) {
  const onSend = vi.fn();
  function Harness() {
    const [text, setText] = useState(options.initial ?? "");
    return (
      <Composer
        text={text}
        onTextChange={setText}
        onSend={onSend}
        disabledReason={options.disabledReason}
      />
    );
  }
  render(<Harness />);
  return { onSend, user: userEvent.setup(), box: screen.getByLabelText("Message") };
}

const sendButton = () => screen.getByRole("button", { name: "Send" });

describe("Composer", () => {
  it("counts UTF-8 bytes as Instagram does: an emoji is 4, an accent 2", async () => {
    const { user, box } = renderComposer();
    expect(screen.getByText("0 / 1000 bytes")).toBeTruthy();
    await user.type(box, "Hi 👋");
    expect(screen.getByText("7 / 1000 bytes")).toBeTruthy();
    await user.type(box, " é");
    expect(screen.getByText("10 / 1000 bytes")).toBeTruthy();
  });

  it("allows exactly 1000 bytes, which 250 emoji already make", () => {
    // 250 emoji = 250 characters (500 UTF-16 units) but 1000 bytes: exactly the limit
    renderComposer({ initial: "😀".repeat(250) });
    expect(screen.getByText("1000 / 1000 bytes")).toBeTruthy();
    expect(sendButton().hasAttribute("disabled")).toBe(false);
  });

  it("turns red and disables Send one byte over the limit", () => {
    renderComposer({ initial: `${"😀".repeat(250)}!` });
    expect(screen.getByText("1001 / 1000 bytes").className).toContain("text-red-600");
    expect(sendButton().hasAttribute("disabled")).toBe(true);
    expect(screen.getByText("Too long for Instagram: shorten it to send.")).toBeTruthy();
    expect(screen.getByLabelText("Message").getAttribute("aria-invalid")).toBe("true");
  });

  it("sends with Enter, keeps Shift+Enter for a new line, and never sends blank text", async () => {
    const { user, box, onSend } = renderComposer();
    expect(sendButton().hasAttribute("disabled")).toBe(true);
    await user.type(box, "   ");
    await user.keyboard("{Enter}");
    expect(onSend).not.toHaveBeenCalled();

    await user.clear(box);
    await user.type(box, "Line one{Shift>}{Enter}{/Shift}line two");
    expect(onSend).not.toHaveBeenCalled();
    await user.keyboard("{Enter}");
    expect(onSend).toHaveBeenCalledWith("Line one\nline two");
  });

  it("is disabled with the reason when nobody may reply", async () => {
    const reason = "The 24-hour reply window has closed.";
    const { user, box, onSend } = renderComposer({ initial: "Hello", disabledReason: reason });
    expect(screen.getByRole("status").textContent).toBe(reason);
    expect(box.hasAttribute("disabled")).toBe(true);
    expect(sendButton().hasAttribute("disabled")).toBe(true);
    await user.click(sendButton());
    expect(onSend).not.toHaveBeenCalled();
  });
});
