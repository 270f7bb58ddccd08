import { describe, expect, it } from "vitest";
import { countdown, orderSummary } from "@/features/messages/utils/ai-labels.ts";

describe("ai labels", () => {
  it("sums up a parsed order, leaving out what was not said", () => {
    expect(orderSummary({ product: "hoodie", size: "L", colour: "black", quantity: 2 }))
      .toBe("2 × black hoodie, size L");
    expect(orderSummary({ product: null, size: null, colour: "red", quantity: null })).toBe(
      "red item",
    );
  });

  it("counts a lease down in minutes and seconds, never below zero", () => {
    const now = new Date("2026-12-03T15:00:00Z");
    expect(countdown(new Date("2026-12-03T15:29:05Z"), now)).toBe("29:05");
    expect(countdown(new Date("2026-12-03T14:59:00Z"), now)).toBe("0:00");
  });
});
