import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Segmented } from "@/features/insights/components/insights-view.tsx";

const RANGES = [["24h", "24 hours"], ["7d", "7 days"], ["30d", "30 days"]] as const;

function Range() {
  const [value, setValue] = useState("24h");
  return <Segmented label="Range" value={value} options={RANGES} onChange={setValue} />;
}

describe("Segmented", () => {
  it("moves the choice and the focus together with the arrow keys, one tab stop", async () => {
    const user = userEvent.setup();
    render(<Range />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "24 hours" }));

    // held as a person holds a key: Radix chooses the item the arrow focused while it is down
    await user.keyboard("{ArrowRight>}");
    const week = screen.getByRole("radio", { name: "7 days" });
    expect(document.activeElement).toBe(week);
    await waitFor(() => expect(week.getAttribute("aria-checked")).toBe("true"));

    await user.keyboard("{/ArrowRight}{ArrowDown>}");
    await waitFor(() =>
      expect(screen.getByRole("radio", { name: "30 days" }).getAttribute("aria-checked"))
        .toBe("true")
    );
    await user.keyboard("{/ArrowDown}");
    await user.tab();
    expect(document.activeElement).toBe(document.body);
  });
});
