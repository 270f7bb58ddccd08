import { screen, waitFor, within } from "@testing-library/react";
import type { CommentRule } from "@dm-desk/shared/contracts/comment-rules";
import { describe, expect, it, vi } from "vitest";
import { CommentRulesSection } from "@/features/comments/components/comment-rules-section.tsx";
import { fakeWorkspace, isoFromNow, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const RULE: CommentRule = {
  id: "00000000-0000-4000-9000-0000000000b1",
  imo_id: WORKSPACE_ID,
  channel_account_id: null,
  post_id: null,
  post_caption: null,
  keyword: "JOIN",
  template_id: "00000000-0000-4000-9000-0000000000f1",
  template_name: "Welcome",
  is_enabled: true,
  created_at: isoFromNow(-86_400_000),
  runs: { sent: 3, skipped: 0, failed: 0 },
};

describe("CommentRulesSection", () => {
  it("asks before deleting a keyword rule, and deletes it once confirmed", async () => {
    mockFunctions({
      "instagram-comments/rules": () => ok({ rules: [RULE] }),
      [`instagram-comments/rules/${RULE.id}/delete`]: () => ok({ deleted: true }),
    });
    const { user } = renderWithProviders(
      <CommentRulesSection workspace={fakeWorkspace()} accounts={[]} templates={[]} />,
    );
    await screen.findByText("“JOIN”");
    await user.click(screen.getByRole("button", { name: "Delete" }));
    const confirm = await screen.findByRole("alertdialog", {
      name: "Delete the rule for “JOIN”?",
    });
    expect(callsTo(`instagram-comments/rules/${RULE.id}/delete`)).toHaveLength(0);
    await user.click(within(confirm).getByRole("button", { name: "Delete" }));
    await waitFor(() =>
      expect(callsTo(`instagram-comments/rules/${RULE.id}/delete`)).toHaveLength(1)
    );
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });
});
