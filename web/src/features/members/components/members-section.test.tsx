import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Member, MembersResponse } from "@dm-desk/shared/contracts/workspaces";
import type { ImoRole } from "@dm-desk/shared/schemas/enums";
import { fakeWorkspace, isoFromNow, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const member = (n: number, email: string, role: ImoRole): Member => ({
  user_id: `00000000-0000-4000-8000-00000000000${n}`,
  email,
  display_name: null,
  role,
  joined_at: isoFromNow(-86_400_000),
});
const BASE = `workspaces/${WORKSPACE_ID}`;
const INVITATION_ID = "00000000-0000-4000-8000-0000000000e1";

// Plays the server for one workspace where the signed-in person has `myRole`.
function renderMembers(myRole: ImoRole, { refuseRemoval = false } = {}) {
  const state: MembersResponse = {
    members: [
      member(1, "coach@example.com", myRole),
      member(2, "olivia@example.com", "owner"),
      member(3, "riley@example.com", "recruiter"),
    ],
    invitations: myRole === "recruiter" ? [] : [{
      id: INVITATION_ID,
      email: "sam@example.com",
      role: "recruiter",
      created_at: isoFromNow(-3_600_000),
      expires_at: isoFromNow(6 * 86_400_000 + 3_600_000),
      invited_by_email: "olivia@example.com",
    }],
  };
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [fakeWorkspace({ role: myRole })] }),
    [`${BASE}/members`]: () => ok(state),
    [`${BASE}/members/${member(3, "", "recruiter").user_id}/role`]: (call) => {
      const { role } = call.body as { role: ImoRole };
      state.members[2] = { ...state.members[2]!, role };
      return ok({ user_id: state.members[2]!.user_id, role });
    },
    [`${BASE}/members/${member(3, "", "recruiter").user_id}/remove`]: () => {
      if (refuseRemoval) return fail(403, "forbidden", "You can't do that in this workspace");
      state.members.splice(2, 1);
      return ok({ user_id: member(3, "", "recruiter").user_id, removed: true });
    },
    [`${BASE}/invitations`]: (call) => {
      const { email, role } = call.body as { email: string; role: ImoRole };
      const invitation = {
        id: "00000000-0000-4000-8000-0000000000e2",
        email,
        role,
        created_at: isoFromNow(0),
        expires_at: isoFromNow(7 * 86_400_000),
        invited_by_email: "coach@example.com",
      };
      state.invitations.unshift(invitation);
      return ok({ invitation, token: "T".repeat(43) });
    },
    [`${BASE}/invitations/${INVITATION_ID}/revoke`]: () => {
      state.invitations = state.invitations.filter((i) => i.id !== INVITATION_ID);
      return ok({ id: INVITATION_ID, revoked: true });
    },
  });
  return renderApp("/settings/members");
}

const row = async (email: string) => within(await screen.findByRole("listitem", { name: email }));

describe("Settings › Members", () => {
  it("lists members with roles and marks you; pending invitations with their expiry", async () => {
    renderMembers("owner");
    expect((await row("coach@example.com")).getByText("(you)")).toBeTruthy();
    expect((await row("olivia@example.com")).getByText("Owner")).toBeTruthy();
    const invitation = await row("sam@example.com");
    expect(invitation.getByText("Expires in 6 days · invited by olivia@example.com")).toBeTruthy();
  });

  it("invites by email with a role and shows the link to copy", async () => {
    const { user } = renderMembers("owner");
    await user.click(await screen.findByRole("button", { name: "Invite member" }));
    const dialog = await screen.findByRole("dialog", { name: "Invite a member" });

    await user.type(within(dialog).getByLabelText("Email"), "not-an-address");
    await user.click(within(dialog).getByRole("button", { name: "Create invitation link" }));
    expect(within(dialog).getByText("Enter an email address")).toBeTruthy();

    await user.clear(within(dialog).getByLabelText("Email"));
    await user.type(within(dialog).getByLabelText("Email"), " Dana@Example.com ");
    await user.click(within(dialog).getByRole("combobox", { name: "Role" }));
    await user.click(await screen.findByRole("option", { name: /Admin/ }));
    await user.click(within(dialog).getByRole("button", { name: "Create invitation link" }));

    const linkDialog = await screen.findByRole("dialog", { name: "Send this invitation link" });
    expect(within(linkDialog).getByLabelText<HTMLInputElement>("Invitation link").value).toBe(
      `${location.origin}/invite/${"T".repeat(43)}`,
    );
    expect(callsTo(`${BASE}/invitations`)[0]?.body).toEqual({
      email: "dana@example.com",
      role: "admin",
    });
    await user.click(within(linkDialog).getByRole("button", { name: "Done" }));
    expect(await row("dana@example.com")).toBeTruthy();
  });

  it("changes a role from the member's menu, by keyboard", async () => {
    const { user } = renderMembers("owner");
    const menuButton = (await row("riley@example.com")).getByRole("button", {
      name: "Actions for riley@example.com",
    });
    menuButton.focus();
    await user.keyboard("{Enter}");
    const menu = await screen.findByRole("menu", { name: "Actions for riley@example.com" });
    expect(within(menu).getAllByRole("menuitem").map((item) => item.textContent)).toEqual([
      "Make owner",
      "Make admin",
      "Remove from workspace…",
    ]);
    await user.click(within(menu).getByRole("menuitem", { name: "Make admin" }));

    expect(callsTo(`${BASE}/members/${member(3, "", "recruiter").user_id}/role`)[0]?.body)
      .toEqual({ role: "admin" });
    await waitFor(async () =>
      expect((await row("riley@example.com")).getByText("Admin")).toBeTruthy()
    );
    expect(await screen.findByText("riley@example.com is now admin")).toBeTruthy();
  });

  it("asks before removing, and removes", async () => {
    const { user } = renderMembers("owner");
    await user.click(
      (await row("riley@example.com")).getByRole("button", {
        name: "Actions for riley@example.com",
      }),
    );
    await user.click(await screen.findByRole("menuitem", { name: "Remove from workspace…" }));
    const confirm = await screen.findByRole("alertdialog", { name: "Remove riley@example.com?" });
    expect(document.activeElement).toBe(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(callsTo(`${BASE}/members/${member(3, "", "recruiter").user_id}/remove`)).toHaveLength(0);

    await user.click(within(confirm).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() =>
      expect(screen.queryByRole("listitem", { name: "riley@example.com" })).toBeNull()
    );
  });

  it("gives the focus back to the member's menu button when the confirmation is cancelled", async () => {
    const { user } = renderMembers("owner");
    const menuButton = (await row("riley@example.com")).getByRole("button", {
      name: "Actions for riley@example.com",
    });
    menuButton.focus();
    await user.keyboard("{Enter}");
    await user.click(await screen.findByRole("menuitem", { name: "Remove from workspace…" }));
    await screen.findByRole("alertdialog", { name: "Remove riley@example.com?" });
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(document.activeElement).toBe(menuButton);
  });

  it("asks before you lower your own role, which you could not take back", async () => {
    const { user } = renderMembers("admin");
    await user.click(
      (await row("coach@example.com")).getByRole("button", {
        name: "Actions for coach@example.com",
      }),
    );
    await user.click(await screen.findByRole("menuitem", { name: "Make recruiter" }));
    const confirm = await screen.findByRole("alertdialog", { name: "Make yourself recruiter?" });
    expect(confirm.textContent).toMatch(/ask another owner or admin/);
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(callsTo(`${BASE}/members/${member(1, "", "admin").user_id}/role`)).toHaveLength(0);
  });

  it("keeps the confirmation open with the reason when removal is refused", async () => {
    const { user } = renderMembers("owner", { refuseRemoval: true });
    await user.click(
      (await row("riley@example.com")).getByRole("button", {
        name: "Actions for riley@example.com",
      }),
    );
    await user.click(await screen.findByRole("menuitem", { name: "Remove from workspace…" }));
    const confirm = await screen.findByRole("alertdialog");
    await user.click(within(confirm).getByRole("button", { name: "Remove" }));
    expect((await within(confirm).findByRole("alert")).textContent).toBe(
      "Couldn't remove: You can't do that in this workspace",
    );
  });

  it("gives admins no hold on owners and no owner role to hand out", async () => {
    const { user } = renderMembers("admin");
    expect(
      (await row("olivia@example.com")).queryByRole("button", { name: /Actions for/ }),
    ).toBeNull();
    await user.click(
      (await row("riley@example.com")).getByRole("button", {
        name: "Actions for riley@example.com",
      }),
    );
    const menu = await screen.findByRole("menu");
    expect(within(menu).queryByRole("menuitem", { name: "Make owner" })).toBeNull();
  });

  it("revokes a pending invitation", async () => {
    const { user } = renderMembers("admin");
    await user.click(
      (await row("sam@example.com")).getByRole("button", {
        name: "Revoke the invitation to sam@example.com",
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole("listitem", { name: "sam@example.com" })).toBeNull()
    );
    expect(screen.getByText("No pending invitations.")).toBeTruthy();
  });

  it("shows recruiters the team without any management", async () => {
    renderMembers("recruiter");
    await row("riley@example.com");
    expect(screen.queryByRole("button", { name: "Invite member" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Actions for/ })).toBeNull();
    expect(screen.queryByText("Pending invitations")).toBeNull();
  });
});
