import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { CommentThread } from "@/features/comments/components/comment-thread.tsx";
import { fakeComment, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { mockFunctions } from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

describe("CommentThread", () => {
  it("puts the focus in the reply box it opens, and back on Reply when it closes", async () => {
    mockFunctions({});
    const { user } = renderWithProviders(
      <ul>
        <CommentThread
          imoId={WORKSPACE_ID}
          thread={{ comment: fakeComment(), replies: [] }}
          viewerId="00000000-0000-4000-8000-0000000000u1"
          now={new Date()}
          templates={[]}
        />
      </ul>,
    );
    const reply = screen.getByRole("button", { name: "Reply" });
    await user.click(reply);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Public reply" }))
    );
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Public reply" })).toBeNull();
    expect(document.activeElement).toBe(reply);
  });
});
