import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { fakeWorkspace, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJK-_0123";
const created = fakeWorkspace({ name: "Acme Talent", plan_code: "free", plan_name: "Free" });

// Plays the server: a new sign-up is in no workspace until they create one.
function renderNewUser({ refuse = false } = {}) {
  let workspaces: MyWorkspace[] = [];
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces }),
    "connected-accounts": () => ok({ accounts: [] }),
    workspaces: () => {
      if (refuse) return fail(503, "unavailable", "The server is busy");
      workspaces = [created];
      return ok({
        workspace: { imo_id: WORKSPACE_ID, name: "Acme Talent", slug: "acme-talent-1a2b3c" },
      });
    },
    "workspaces/invitations/preview": () =>
      fail(404, "invitation_not_found", "This invitation link is not valid."),
  });
  return renderApp("/messages");
}

describe("Onboarding a new sign-up", () => {
  it("creates their workspace and lands in its inbox", async () => {
    const { user } = renderNewUser();
    await screen.findByText("You are not in a workspace yet");

    await user.click(screen.getByRole("button", { name: "Create workspace" }));
    expect(await screen.findByText("Name your workspace")).toBeTruthy();
    expect(callsTo("workspaces")).toHaveLength(0);

    await user.type(screen.getByLabelText("Workspace name"), "  Acme Talent ");
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { name: "Messages" })).toBeTruthy();
    expect(callsTo("workspaces")).toEqual([
      expect.objectContaining({ method: "POST", body: { name: "Acme Talent" } }),
    ]);
    expect(localStorage.getItem("dmdesk.workspace")).toBe(WORKSPACE_ID);
  });

  it("keeps the form with the reason when creating fails", async () => {
    const { user } = renderNewUser({ refuse: true });
    await user.type(await screen.findByLabelText("Workspace name"), "Acme");
    await user.click(screen.getByRole("button", { name: "Create workspace" }));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Couldn't create the workspace: The server is busy",
    );
    expect(screen.getByLabelText<HTMLInputElement>("Workspace name").value).toBe("Acme");
  });

  it("opens a pasted invitation link, and explains an incomplete one", async () => {
    const { user, router } = renderNewUser();
    const field = await screen.findByLabelText("Invitation link");

    await user.type(field, "https://dmdesk.example/invite/abc");
    await user.click(screen.getByRole("button", { name: "Open invitation" }));
    expect(screen.getByText("Paste the whole invitation link")).toBeTruthy();

    await user.clear(field);
    await user.type(field, `https://dmdesk.example/invite/${TOKEN}`);
    await user.click(screen.getByRole("button", { name: "Open invitation" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/invite/${TOKEN}`));
    expect(await screen.findByText("This invitation link is not valid.")).toBeTruthy();
  });
});
