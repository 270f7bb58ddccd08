import { QueryClient } from "@tanstack/react-query";
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonToBase64Url } from "@dm-desk/shared/encoding/base64url";
import { fakeWorkspace, OTHER_WORKSPACE_ID } from "@/testing/fixtures.ts";
import { mockFunctions, ok } from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const PAGE_ID = "00000000-0000-4000-8000-0000000000f1";
const IG_ID = "00000000-0000-4000-8000-0000000000f2";

// Lands on the URL instagram-oauth-callback redirects to.
function renderReturn(query: Record<string, string>, workspaces = [fakeWorkspace()]) {
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces }),
    "connected-accounts": () => ok({ accounts: [] }),
  });
  return renderApp(`/settings?${new URLSearchParams(query)}`);
}

async function bannerText() {
  await screen.findByRole("heading", { name: "Channels" });
  const title = screen.getByText(
    /^(Account connected|Partly connected|Connection cancelled|Couldn't connect the account)$/,
  );
  return title.parentElement!.textContent;
}

describe("Coming back from Meta's consent screen", () => {
  afterEach(() => vi.restoreAllMocks());

  it("announces a connected account, refreshes the list and cleans the URL", async () => {
    const invalidate = vi.spyOn(QueryClient.prototype, "invalidateQueries");
    const { router } = renderReturn({
      tab: "channels",
      connect: "connected",
      result: jsonToBase64Url({
        instagram: { connected: true, accounts: [{ id: IG_ID, username: "northwind.careers" }] },
      }),
    });

    expect(await bannerText()).toBe("Account connectedInstagram connected: @northwind.careers");
    expect(screen.getByRole("status").className).toMatch(/emerald/);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["channels"] });
    // Replaced, not pushed: Back must not return to the callback's URL.
    expect(router.state.location.search).toBe("?tab=channels");
    expect(router.state.historyAction).toBe("REPLACE");
  });

  it("spells out a partial result per platform, decoded from base64url", async () => {
    renderReturn({
      connect: "partial",
      reason: "no Instagram business account linked",
      result: jsonToBase64Url({
        facebook: { connected: true, accounts: [{ id: PAGE_ID, username: "Northwind Careers" }] },
        instagram: { connected: false, reason: "no Instagram business account linked" },
      }),
    });

    expect(await bannerText()).toBe(
      "Partly connected" +
        "Facebook Page connected: Northwind Careers · Instagram not connected: no Instagram business account linked",
    );
    expect(screen.getByRole("status").className).toMatch(/amber/);
  });

  it("says when the person declined on Meta's screen", async () => {
    const { router } = renderReturn({
      connect: "cancelled",
      reason: "You declined the permissions on Meta's screen, so nothing was connected.",
    });

    expect(await bannerText()).toBe(
      "Connection cancelled" +
        "You declined the permissions on Meta's screen, so nothing was connected.",
    );
    expect(router.state.location.search).toBe("");
  });

  it("shows a failure as an error with Meta's reason", async () => {
    renderReturn({
      connect: "failed",
      reason: "Meta refused the connection: Invalid OAuth access token",
    });

    expect(await bannerText()).toBe(
      "Couldn't connect the accountMeta refused the connection: Invalid OAuth access token",
    );
    expect(screen.getByRole("alert")).toBeTruthy();
  });

  it("still reports the outcome when the result parameter is mangled", async () => {
    renderReturn({ connect: "failed", reason: "Meta sent no authorization code", result: "%%%" });
    expect(await bannerText()).toBe("Couldn't connect the accountMeta sent no authorization code");
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
    const { user, router } = renderReturn({ connect: "connected" }, [fakeWorkspace(), other]);
    expect(await bannerText()).toBe("Account connected");
    expect(router.state.location.search).toBe("");

    await user.click(screen.getByRole("button", { name: /Switch workspace/ }));
    await user.click(screen.getByRole("menuitemradio", { name: /Zephyr Staffing/ }));

    expect(await screen.findByText("Zephyr Staffing · Team plan")).toBeTruthy();
    expect(screen.queryByText("Account connected")).toBeNull();
  });
});
