import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AiDraftCard } from "@/features/messages/components/ai-draft-card.tsx";
import { isoFromNow, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { mockFunctions } from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

describe("AiDraftCard", () => {
  it("puts the caret after the AI's words when Edit opens them, so typing adds to them", async () => {
    mockFunctions({});
    const { user } = renderWithProviders(
      <AiDraftCard
        imoId={WORKSPACE_ID}
        conversationId="00000000-0000-4000-9000-000000000001"
        draft={{
          id: "00000000-0000-4000-9000-0000000000d9",
          text: "Great question!",
          reply_to_message_id: null,
          created_at: isoFromNow(-60_000),
        }}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Edit" }));
    await user.keyboard(" Talk soon.");
    expect(screen.getByLabelText<HTMLTextAreaElement>("Edit the AI's draft").value).toBe(
      "Great question! Talk soon.",
    );
  });
});
