import { QueryClient } from "@tanstack/react-query";
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
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

const CONNECTION_ID = "00000000-0000-4000-8000-0000000000c1";
const PAGE_ID = "00000000-0000-4000-8000-0000000000f1";
const IG_ID = "00000000-0000-4000-8000-0000000000f2";

// Lands on the URL instagram-oauth-callback redirects to; `complete` answers the confirmation.
function renderReturn(
  query: Record<string, string>,
  { complete, workspaces = [fakeWorkspace()] }: {
    complete?: FunctionHandler;
    workspaces?: ReturnType<typeof fakeWorkspace>[];
  } = {},
) {
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces }),
    "connected-accounts": () => ok({ accounts: [] }),
    ...(complete ? { "instagram-oauth-complete": complete } : {}),
  });
  return renderApp(`/settings?${new URLSearchParams(query)}`);
}

async function bannerText() {
  await screen.findByRole("heading", { name: "Channels" });
  const title = await screen.findByText(
    /^(Account connected|Partly connected|Connection cancelled|Couldn't connect the account)$/,
  );
  return title.parentElement!.textContent;
}

describe("Coming back from Meta's consent screen", () => {
  afterEach(() => vi.restoreAllMocks());

  it("confirms the parked consent once, announces it, refreshes the list and cleans the URL", async () => {
    const invalidate = vi.spyOn(QueryClient.prototype, "invalidateQueries");
    const { router } = renderReturn({ tab: "channels", connection: CONNECTION_ID }, {
      complete: () =>
        ok({
          imo_id: WORKSPACE_ID,
          outcome: "connected",
          result: {
            instagram: {
              connected: true,
              accounts: [{ id: IG_ID, username: "northwind.careers" }],
            },
          },
        }),
    });

    expect(await bannerText()).toBe("Account connectedInstagram connected: @northwind.careers");
    expect(screen.getByRole("status").className).toMatch(/emerald/);
    expect(callsTo("instagram-oauth-complete").map((call) => call.body)).toEqual([
      { connection_id: CONNECTION_ID },
    ]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["channels"] });
    // Replaced, not pushed: Back must not return to the callback's URL.
    expect(router.state.location.search).toBe("?tab=channels");
    expect(router.state.historyAction).toBe("REPLACE");
  });

  it("says it is finishing while the confirmation is under way", async () => {
    renderReturn({ connection: CONNECTION_ID }, { complete: () => new Promise(() => {}) });
    expect(await screen.findByText("Finishing the connection…")).toBeTruthy();
  });

  it("spells out a partial result per platform", async () => {
    renderReturn({ connection: CONNECTION_ID }, {
      complete: () =>
        ok({
          imo_id: WORKSPACE_ID,
          outcome: "partial",
          reason: "no Instagram business account linked",
          result: {
            facebook: {
              connected: true,
              accounts: [{ id: PAGE_ID, username: "Northwind Careers" }],
            },
            instagram: { connected: false, reason: "no Instagram business account linked" },
          },
        }),
    });

    expect(await bannerText()).toBe(
      "Partly connected" +
        "Facebook Page connected: Northwind Careers · Instagram not connected: no Instagram business account linked",
    );
    expect(screen.getByRole("status").className).toMatch(/amber/);
  });

  it("shows why another workspace's account was not connected", async () => {
    const reason =
      "@northwind.careers is connected to another workspace. It can be connected here once that workspace disconnects it.";
    renderReturn({ connection: CONNECTION_ID }, {
      complete: () =>
        ok({
          imo_id: WORKSPACE_ID,
          outcome: "failed",
          reason,
          result: { instagram: { connected: false, reason } },
        }),
    });
    expect(await bannerText()).toBe(
      `Couldn't connect the accountInstagram not connected: ${reason}`,
    );
  });

  it("shows the server's refusal when this session did not start the connect", async () => {
    const message =
      "This connection was started by someone else or in another browser, so nothing was connected.";
    renderReturn({ connection: CONNECTION_ID }, {
      complete: () => fail(403, "connection_not_yours", message),
    });
    expect(await bannerText()).toBe(`Couldn't connect the account${message}`);
    expect(screen.getByRole("alert")).toBeTruthy();
  });

  it("explains a plan that changed while the person was at Meta", async () => {
    renderReturn({ connection: CONNECTION_ID }, {
      complete: () => fail(402, "plan_required", "This needs the Team plan", { required: "team" }),
    });
    expect(await bannerText()).toBe(
      "Couldn't connect the account" +
        "Instagram messaging is part of the Team plan. Upgrade the workspace to connect accounts.",
    );
  });

  it("says when the person declined on Meta's screen, without confirming anything", async () => {
    const { router } = renderReturn({
      connect: "cancelled",
      reason: "You declined the permissions on Meta's screen, so nothing was connected.",
    });

    expect(await bannerText()).toBe(
      "Connection cancelled" +
        "You declined the permissions on Meta's screen, so nothing was connected.",
    );
    expect(router.state.location.search).toBe("");
    expect(callsTo("instagram-oauth-complete")).toEqual([]);
  });

  it("shows a failure at Meta as an error with Meta's reason", async () => {
    renderReturn({
      connect: "failed",
      reason: "Meta refused the connection: Invalid OAuth access token",
    });

    expect(await bannerText()).toBe(
      "Couldn't connect the accountMeta refused the connection: Invalid OAuth access token",
    );
    expect(screen.getByRole("alert")).toBeTruthy();
  });

  it("can be dismissed", async () => {
    const { user } = renderReturn({ connect: "cancelled" });
    expect(await bannerText()).toBe("Connection cancelled");

    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByText("Connection cancelled")).toBeNull();
  });

  it("shows no banner on an ordinary visit or an unknown outcome", async () => {
    const { router } = renderReturn({ connect: "exploded" });
    await screen.findByText("No accounts connected yet");

    expect(screen.queryByRole("status")).toBeNull();
    expect(router.state.location.search).toBe("");
  });

  it("drops the banner when the person switches to another workspace", async () => {
    const other = fakeWorkspace({ imo_id: OTHER_WORKSPACE_ID, name: "Zephyr Staffing" });
    const { user, router } = renderReturn({ connect: "cancelled" }, {
      workspaces: [fakeWorkspace(), other],
    });
    expect(await bannerText()).toBe("Connection cancelled");
    expect(router.state.location.search).toBe("");

    await user.click(screen.getByRole("button", { name: /Switch workspace/ }));
    await user.click(screen.getByRole("menuitemradio", { name: /Zephyr Staffing/ }));

    expect(await screen.findByText("Zephyr Staffing · Team plan")).toBeTruthy();
    expect(screen.queryByText("Connection cancelled")).toBeNull();
  });
});
