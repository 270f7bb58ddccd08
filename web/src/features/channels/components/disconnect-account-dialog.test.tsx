import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeAccount, fakeWorkspace, isoFromNow } from "@/testing/fixtures.ts";
import { callsTo, fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

// Plays the server for one account: a successful disconnect flips what the list returns next.
function renderWithOneAccount({ refuse = false } = {}) {
  let account = fakeAccount({ username: "northwind.careers" });
  const original = account;
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [fakeWorkspace()] }),
    "connected-accounts": () => ok({ accounts: [account] }),
    "instagram-disconnect": () => {
      if (refuse) return fail(404, "account_not_found", "No such account in your workspaces");
      const disconnectedAt = isoFromNow(0);
      account = fakeAccount(
        { ...original, status: "disconnected", disconnected_at: disconnectedAt },
        { status: "disconnected" },
      );
      return ok({ id: original.id, status: "disconnected", disconnected_at: disconnectedAt });
    },
  });
  return { ...renderApp("/settings"), account: original };
}

const openDialog = async (user: ReturnType<typeof renderApp>["user"]) => {
  await user.click(await screen.findByRole("button", { name: "Disconnect @northwind.careers" }));
  return await screen.findByRole("alertdialog", { name: "Disconnect @northwind.careers?" });
};

describe("Disconnecting an account", () => {
  it("confirms, explaining that history is kept, then disconnects and refreshes the list", async () => {
    const { user, account } = renderWithOneAccount();

    const dialog = await openDialog(user);
    expect(within(dialog).getByText(/Conversations and message history are kept/)).toBeTruthy();
    // Focus starts on the harmless choice.
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(callsTo("instagram-disconnect")).toHaveLength(0);

    await user.click(within(dialog).getByRole("button", { name: "Disconnect" }));

    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(callsTo("instagram-disconnect")).toEqual([
      expect.objectContaining({ method: "POST", body: { account_id: account.id } }),
    ]);
    expect(callsTo("connected-accounts")).toHaveLength(2);
    const row = within(screen.getByRole("listitem", { name: "@northwind.careers" }));
    expect(row.getByText("Disconnected")).toBeTruthy();
    expect(row.getByText("Disconnected just now. History is kept.")).toBeTruthy();
    expect(row.queryByRole("button", { name: /Disconnect/ })).toBeNull();
  });

  it("does nothing when cancelled", async () => {
    const { user } = renderWithOneAccount();
    await openDialog(user);

    await user.keyboard("{Escape}");

    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(callsTo("instagram-disconnect")).toHaveLength(0);
    expect(screen.getByText("Connected")).toBeTruthy();
  });

  it("keeps the dialog open with the reason when the server refuses", async () => {
    const { user } = renderWithOneAccount({ refuse: true });
    const dialog = await openDialog(user);

    await user.click(within(dialog).getByRole("button", { name: "Disconnect" }));

    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "Couldn't disconnect: No such account in your workspaces",
    );
    expect(callsTo("connected-accounts")).toHaveLength(1);
  });
});
