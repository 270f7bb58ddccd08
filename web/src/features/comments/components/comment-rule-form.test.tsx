import { screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { CommentRuleForm } from "@/features/comments/components/comment-rule-form.tsx";
import type { CommentsTemplate } from "@/features/comments/utils/comment-people.ts";
import { WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const WELCOME: CommentsTemplate = {
  id: "00000000-0000-4000-9000-0000000000f1",
  name: "Welcome",
  content: "Hi {{first_name}}!",
};

/** The automation settings route: the form is on screen before the templates arrive. */
function TemplatesArriveLater() {
  const [templates, setTemplates] = useState<CommentsTemplate[] | undefined>(undefined);
  return (
    <>
      <button type="button" onClick={() => setTemplates([WELCOME])}>Templates arrive</button>
      <CommentRuleForm imoId={WORKSPACE_ID} accounts={[]} templates={templates} />
    </>
  );
}

describe("CommentRuleForm", () => {
  it("says it is loading the templates instead of asking to create one", () => {
    mockFunctions({});
    renderWithProviders(<TemplatesArriveLater />);
    expect(screen.getByRole("status").textContent).toMatch(/Loading your templates/);
    expect(screen.queryByText(/create one/)).toBeNull();
  });

  it("adds a rule with the first template when the templates arrived after the form", async () => {
    mockFunctions({ "instagram-comments/rules": () => ok({ rule: null }) });
    const { user } = renderWithProviders(<TemplatesArriveLater />);
    await user.click(screen.getByRole("button", { name: "Templates arrive" }));
    await user.type(screen.getByPlaceholderText("JOIN"), "JOIN");
    await user.click(screen.getByRole("button", { name: "Add rule" }));
    await waitFor(() => expect(callsTo("instagram-comments/rules")).toHaveLength(1));
    expect(callsTo("instagram-comments/rules")[0]?.body).toMatchObject({
      keyword: "JOIN",
      template_id: WELCOME.id,
    });
  });
});
