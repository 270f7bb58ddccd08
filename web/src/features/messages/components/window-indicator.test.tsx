import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { WindowIndicator } from "@/features/messages/components/window-indicator.tsx";
import { windowStatusAt } from "@/features/messages/utils/messaging-window.ts";

const NOW = new Date("2026-12-02T12:00:00.000Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The window of a contact who wrote `ago` ms before NOW. */
function windowFrom(ago: number | null) {
  if (ago === null) return { reply_until: null, human_agent_until: null };
  const inbound = NOW.getTime() - ago;
  return {
    reply_until: new Date(inbound + 24 * HOUR).toISOString(),
    human_agent_until: new Date(inbound + 7 * 24 * HOUR).toISOString(),
  };
}

const label = (ago: number | null, hasHumanAgent = false) =>
  windowStatusAt(windowFrom(ago), NOW, hasHumanAgent).label;

describe("the window indicator's label at its edges", () => {
  it("counts whole hours while more than an hour is left", () => {
    expect(label(0)).toBe("Open – 24 h left");
    expect(label(30 * MINUTE)).toBe("Open – 23 h left");
    expect(label(23 * HOUR - SECOND)).toBe("Open – 1 h left");
  });

  it("is closing soon from exactly one hour left, in minutes rounded up", () => {
    expect(label(23 * HOUR)).toBe("Closing soon – 60 min");
    expect(label(23 * HOUR + 30 * MINUTE)).toBe("Closing soon – 30 min");
    expect(label(24 * HOUR - SECOND)).toBe("Closing soon – 1 min");
  });

  it("is closed at exactly 24 hours, and before the contact ever wrote", () => {
    expect(label(24 * HOUR)).toBe("Closed – waiting for their reply");
    expect(label(3 * 24 * HOUR)).toBe("Closed – waiting for their reply");
    expect(label(null)).toBe("Closed – waiting for their reply");
    expect(windowStatusAt(windowFrom(24 * HOUR), NOW, false).canReply).toBe(false);
  });

  it("leaves a person 7 days on an account with Meta's Human Agent feature", () => {
    expect(label(24 * HOUR, true)).toBe("Human agent – 6 d left");
    expect(label(7 * 24 * HOUR - 30 * MINUTE, true)).toBe("Human agent – 1 h left");
    expect(windowStatusAt(windowFrom(2 * 24 * HOUR), NOW, true).canReply).toBe(true);
    expect(label(7 * 24 * HOUR, true)).toBe("Closed – waiting for their reply");
  });
});

describe("WindowIndicator", () => {
  it("shows the state with its colour and explains the 24-hour rule on hover", async () => {
    render(
      <WindowIndicator
        window={windowFrom(23 * HOUR + 50 * MINUTE)}
        now={NOW}
        hasHumanAgent={false}
      />,
    );
    const badge = screen.getByRole("button", { name: "Closing soon – 10 min" });
    expect(badge.dataset.tone).toBe("closing");

    await userEvent.hover(badge);
    const tooltip = await screen.findByRole("tooltip");
    expect(tooltip.textContent).toContain("24 hours after the person's last message");
    expect(tooltip.textContent).not.toContain("Human Agent");
  });

  it("mentions the Human Agent feature where the account has it", async () => {
    render(<WindowIndicator window={windowFrom(30 * HOUR)} now={NOW} hasHumanAgent />);
    const badge = screen.getByRole("button", { name: "Human agent – 5 d left" });
    badge.focus();
    expect((await screen.findByRole("tooltip")).textContent).toContain("up to 7 days");
  });
});
