import { describe, expect, it } from "vitest";
import { formatPrice, planFeatureList } from "@/features/plan/utils/plan-features.ts";

describe("plan features", () => {
  it("lists every known feature, on only when the plan says true", () => {
    expect(planFeatureList({ instagram_templates: true, instagram_messaging: false, extra: true }))
      .toEqual([
        expect.objectContaining({ feature: "instagram_messaging", isIncluded: false }),
        expect.objectContaining({ feature: "instagram_scheduled_messages", isIncluded: false }),
        expect.objectContaining({ feature: "instagram_templates", isIncluded: true }),
      ]);
  });

  it("prices read as people say them", () => {
    expect(formatPrice(0)).toBe("Free");
    expect(formatPrice(5000)).toBe("$50 / month");
  });
});
