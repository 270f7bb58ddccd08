import { describe, expect, it } from "vitest";
import { provenanceOf } from "@/features/messages/utils/message-provenance.ts";

const viewer = "00000000-0000-4000-8000-000000000001";
const teammate = "00000000-0000-4000-8000-000000000002";
const ai = (
  ai_review: "approved" | "edited" | "autopilot" | undefined,
  user_id: string | null,
) => ({
  kind: "ai" as const,
  user_id,
  display_name: user_id === teammate ? "Riley" : "Dana",
  ...(ai_review ? { ai_review } : {}),
});

describe("provenanceOf an AI message", () => {
  it("names who approved or edited it, or says autopilot", () => {
    expect(provenanceOf(ai("approved", teammate), viewer)).toBe("AI, approved by Riley");
    expect(provenanceOf(ai("edited", viewer), viewer)).toBe("AI, edited by you");
    expect(provenanceOf(ai("autopilot", null), viewer)).toBe("AI, autopilot");
    expect(provenanceOf(ai(undefined, null), viewer)).toBe("AI assistant");
  });
});
