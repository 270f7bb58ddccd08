import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { WORKSPACE_STORAGE_KEY } from "@/features/workspaces/hooks/use-current-workspace.ts";
import { fakeWorkspace, OTHER_WORKSPACE_ID, WORKSPACE_ID } from "@/testing/fixtures.ts";
import {
  callsTo,
  fail,
  type FunctionHandler,
  mockFunctions,
  ok,
} from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const northwind = fakeWorkspace();
const acme = fakeWorkspace({
  imo_id: OTHER_WORKSPACE_ID,
  name: "Acme Talent",
  slug: "acme",
  role: "recruiter",
  plan_code: "free",
  plan_name: "Free",
  features: {},
});

function renderWith(workspaces: FunctionHandler | MyWorkspace[], path = "/settings") {
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": Array.isArray(workspaces) ? () => ok({ workspaces }) : workspaces,
    "connected-accounts": () => ok({ accounts: [] }),
  });
  return renderApp(path);
}

describe("Workspaces", () => {
  it("shows the only workspace as a plain tile, with its plan on the Settings page", async () => {
    renderWith([northwind]);

    expect(await screen.findByText("Workspace: Northwind Recruiting")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Switch workspace/ })).toBeNull();
    expect(await screen.findByText("Northwind Recruiting · Team plan")).toBeTruthy();
  });

  it("switches workspace from the rail and remembers the choice", async () => {
    const { user } = renderWith([northwind, acme]);

    const switcher = await screen.findByRole("button", {
      name: "Workspace: Northwind Recruiting. Switch workspace",
    });
    await user.click(switcher);
    const menu = await screen.findByRole("menu", { name: /Switch workspace/ });
    const current = within(menu).getByRole("menuitemradio", { name: /Northwind Recruiting/ });
    const other = within(menu).getByRole("menuitemradio", { name: /Acme Talent/ });
    expect(within(current).getByText("Team plan · Owner")).toBeTruthy();
    expect(within(other).getByText("Free plan · Recruiter")).toBeTruthy();
    expect(current.getAttribute("aria-checked")).toBe("true");
    expect(document.activeElement).toBe(current);

    await user.click(other);

    expect(screen.queryByRole("menu")).toBeNull();
    expect(await screen.findByText("Acme Talent · Free plan")).toBeTruthy();
    expect(localStorage.getItem(WORKSPACE_STORAGE_KEY)).toBe(OTHER_WORKSPACE_ID);
    // The new workspace's own accounts, plan and role apply.
    await waitFor(() =>
      expect(callsTo("connected-accounts").map((c) => c.query.get("imo_id"))).toContain(
        OTHER_WORKSPACE_ID,
      )
    );
    expect(screen.getByText("Instagram messaging is part of the Team plan")).toBeTruthy();
  });

  it("closes the menu with Escape and gives focus back to the switcher", async () => {
    const { user } = renderWith([northwind, acme]);
    const switcher = await screen.findByRole("button", { name: /Switch workspace/ });
    await user.click(switcher);

    await user.keyboard("{Escape}");

    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(switcher);
  });

  it("switches by keyboard alone: arrows, Enter, and the focus back on the switcher", async () => {
    const { user } = renderWith([northwind, acme]);
    const switcher = await screen.findByRole("button", { name: /Switch workspace/ });
    switcher.focus();
    await user.keyboard("{Enter}");
    const menu = await screen.findByRole("menu", { name: /Switch workspace/ });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(menu).getByRole("menuitemradio", { name: /Northwind Recruiting/ }),
      )
    );
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(
      within(menu).getByRole("menuitemradio", { name: /Acme Talent/ }),
    );
    await user.keyboard("{Enter}");

    expect(await screen.findByText("Acme Talent · Free plan")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole("button", { name: /Workspace: Acme Talent\. Switch workspace/ }),
      )
    );
  });

  it("opens on the workspace stored in localStorage, and ignores one the user left", async () => {
    localStorage.setItem(WORKSPACE_STORAGE_KEY, OTHER_WORKSPACE_ID);
    renderWith([northwind, acme]);
    expect(await screen.findByText("Acme Talent · Free plan")).toBeTruthy();
  });

  it("falls back to the first workspace when the stored one is not the user's", async () => {
    localStorage.setItem(WORKSPACE_STORAGE_KEY, "00000000-0000-4000-8000-0000000000ff");
    renderWith([northwind, acme]);
    expect(await screen.findByText("Northwind Recruiting · Team plan")).toBeTruthy();
    expect(callsTo("connected-accounts")[0]?.query.get("imo_id")).toBe(WORKSPACE_ID);
  });

  it("offers someone without a workspace to create one or join with a link", async () => {
    renderWith([], "/messages");

    expect(await screen.findByText("You are not in a workspace yet")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create workspace" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Open invitation" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Messages" })).toBeNull();
    // The rail still works: the person can sign out.
    expect(screen.getByRole("button", { name: "Sign out" })).toBeTruthy();
  });

  it("explains a failed workspace load and retries", async () => {
    let attempts = 0;
    const { user } = renderWith(() => {
      attempts += 1;
      return attempts === 1
        ? fail(503, "unavailable", "The server is busy")
        : ok({ workspaces: [northwind] });
    });

    expect((await screen.findByRole("alert")).textContent).toBe(
      "We couldn't load your workspaces. The server is busy",
    );
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Channels" })).toBeTruthy();
  });
});
