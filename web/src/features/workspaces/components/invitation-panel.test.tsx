import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { InvitationPreview } from "@dm-desk/shared/contracts/workspaces";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { fakeWorkspace, isoFromNow, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { auth, fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJK-_0123";

function preview(overrides: Partial<InvitationPreview> = {}): InvitationPreview {
  return {
    imo_name: "Northwind Recruiting",
    role: "admin",
    email: "coach@example.com",
    expires_at: isoFromNow(6 * 86_400_000),
    state: "pending",
    is_for_caller: true,
    is_member: false,
    ...overrides,
  };
}

function renderInvite(shown: InvitationPreview, { refuse = false } = {}) {
  let workspaces: MyWorkspace[] = [];
  setMockSession(fakeSession("coach@example.com"));
  mockFunctions({
    "my-workspaces": () => ok({ workspaces }),
    "connected-accounts": () => ok({ accounts: [] }),
    "workspaces/invitations/preview": () => ok(shown),
    "workspaces/invitations/accept": () => {
      if (refuse) {
        return fail(410, "invitation_expired", "This invitation has expired: ask for a new one");
      }
      workspaces = [fakeWorkspace({ role: "admin" })];
      return ok({ imo_id: WORKSPACE_ID, role: "admin" });
    },
  });
  return renderApp(`/invite/${TOKEN}`);
}

describe("Accepting an invitation", () => {
  it("shows the workspace and role, joins, and lands in the inbox", async () => {
    const { user, router } = renderInvite(preview());

    expect((await screen.findByText(/You're invited to join/)).textContent).toBe(
      "You're invited to join Northwind Recruiting as an Admin.",
    );
    expect(callsTo("workspaces/invitations/preview")[0]?.body).toEqual({ token: TOKEN });
    // watched from the click: the toast lasts 4 s, and the inbox's lazy route may take longer to
    // load on a busy machine
    const welcomed = screen.findByText("Welcome to Northwind Recruiting");
    await user.click(screen.getByRole("button", { name: "Join Northwind Recruiting" }));

    expect(await welcomed).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe("/messages"));
    expect(await screen.findByRole("heading", { name: "Messages" })).toBeTruthy();
    expect(callsTo("workspaces/invitations/accept")[0]?.body).toEqual({ token: TOKEN });
    expect(localStorage.getItem("dmdesk.workspace")).toBe(WORKSPACE_ID);
  });

  it("explains a refusal and stays on the page", async () => {
    const { user } = renderInvite(preview(), { refuse: true });
    await user.click(await screen.findByRole("button", { name: "Join Northwind Recruiting" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "This invitation has expired: ask for a new one",
    );
  });

  it("for another address, offers to sign in with it instead of joining", async () => {
    auth.signOut.mockResolvedValue({ error: null });
    const { user } = renderInvite(preview({ email: "dana@example.com", is_for_caller: false }));

    expect(
      await screen.findByText(
        "This invitation was sent to dana@example.com, but you're signed in as coach@example.com. Sign in with the invited address to accept it.",
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Join/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Sign in with another account" }));
    expect(auth.signOut).toHaveBeenCalled();
  });

  it("says when the link is expired, used or withdrawn", async () => {
    renderInvite(preview({ state: "expired" }));
    expect(await screen.findByText(/This invitation has expired/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Join/ })).toBeNull();
  });

  it("sends someone who is not signed in to sign in, and back", async () => {
    mockFunctions({});
    const { router } = renderApp(`/invite/${TOKEN}`);
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(router.state.location.search).toBe(
      `?redirectTo=${encodeURIComponent(`/invite/${TOKEN}`)}`,
    );
  });
});
