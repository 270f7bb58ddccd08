import { screen, waitFor } from "@testing-library/react";
import type { ThreadComment } from "@dm-desk/shared/contracts/comments";
import { describe, expect, it, vi } from "vitest";
import { PrivateReplyDialog } from "@/features/comments/components/private-reply-dialog.tsx";
import { fakeComment, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const DAY = 86_400_000;
const COMMENT_ID = fakeComment().id;

function renderDialog(comment: ThreadComment) {
  return renderWithProviders(
    <PrivateReplyDialog
      imoId={WORKSPACE_ID}
      comment={comment}
      author="@jamie"
      templates={[]}
      open
      onOpenChange={() => {}}
    />,
  );
}

const failedMessage = {
  id: "00000000-0000-4000-9000-0000000000e1",
  conversation_id: "00000000-0000-4000-9000-0000000000e2",
  direction: "outbound",
  type: "text",
  text: "Hi",
  attachments: [],
  reactions: [],
  author: { kind: "user", user_id: null, display_name: null },
  reply_to: null,
  status: "failed",
  error: {
    code: "100",
    message: "(#100) A private reply has already been sent for this comment",
    may_have_been_sent: false,
  },
  external_id: null,
  private_reply_to_comment_id: COMMENT_ID,
  sent_at: new Date().toISOString(),
  delivered_at: null,
  read_at: null,
  deleted_at: null,
};

describe("PrivateReplyDialog", () => {
  it("says why a comment that already has its private reply cannot take another, and sends nothing", () => {
    mockFunctions({});
    renderDialog(fakeComment({
      private_reply: {
        message_id: failedMessage.id,
        conversation_id: failedMessage.conversation_id,
        status: "sent",
      },
    }));
    expect(screen.getByRole("alert").textContent).toMatch(/one private reply per comment/);
    expect(screen.getByRole("button", { name: "Send privately" })).toHaveProperty("disabled", true);
  });

  it("says a comment older than 7 days is past Instagram's limit", () => {
    mockFunctions({});
    renderDialog(fakeComment({ commented_at: new Date(Date.now() - 8 * DAY).toISOString() }));
    expect(screen.getByRole("alert").textContent).toMatch(/within 7 days of the comment/);
  });

  it("explains Meta's refusal of a private reply with the rule, not only Meta's code", async () => {
    mockFunctions({
      [`instagram-comments/comments/${COMMENT_ID}/private-reply`]: () =>
        ok({ message: failedMessage, comment: fakeComment(), replayed: false }),
    });
    const { user } = renderDialog(fakeComment());
    await user.type(screen.getByLabelText("Message"), "Hi");
    await user.click(screen.getByRole("button", { name: "Send privately" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toMatch(
        /Instagram refused the private reply: it allows one per comment, within 7 days/,
      )
    );
    expect(callsTo(`instagram-comments/comments/${COMMENT_ID}/private-reply`)[0]?.body)
      .toMatchObject({ text: "Hi" });
  });
});
