import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeWorkspace } from "@/testing/fixtures.ts";
import { mockFunctions, ok } from "@/testing/function-mocks.ts";
import { auth, emitAuthEvent, fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

describe("routing and auth guards", () => {
  beforeEach(() => {
    mockFunctions({
      "my-workspaces": () => ok({ workspaces: [fakeWorkspace()] }),
      "connected-accounts": () => ok({ accounts: [] }),
    });
  });

  it("sends a signed-out visitor from a protected page to sign-in, remembering where they were", async () => {
    const { router } = renderApp("/leads");

    expect(await screen.findByRole("heading", { name: "Sign in to DM Desk" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(router.state.location.search).toBe("?redirectTo=%2Fleads");
  });

  it("sends a signed-in user away from the sign-in page to the inbox", async () => {
    setMockSession(fakeSession());
    const { router } = renderApp("/sign-in");

    expect(await screen.findByText("Connect an Instagram account")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/messages");
  });

  it("opens the inbox at / and marks Messages as the active nav item", async () => {
    setMockSession(fakeSession("coach@example.com"));
    renderApp("/");

    expect(await screen.findByRole("heading", { name: "Messages" })).toBeTruthy();
    expect(
      await screen.findByText("Connect an Instagram account in Settings to start receiving DMs."),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Messages" }).getAttribute("aria-current")).toBe(
      "page",
    );
    expect(screen.getByRole("link", { name: "Leads" }).getAttribute("aria-current")).toBeNull();
    expect(screen.getByText("Signed in as coach@example.com")).toBeTruthy();
  });

  it("shows Leads and the Channels settings under Settings", async () => {
    setMockSession(fakeSession());
    mockFunctions({
      "my-workspaces": () => ok({ workspaces: [fakeWorkspace()] }),
      "connected-accounts": () => ok({ accounts: [] }),
      "recruiting-leads": () => ok({ leads: [], next_cursor: null }),
    });
    const { user } = renderApp("/messages");

    await user.click(await screen.findByRole("link", { name: "Leads" }));
    expect(await screen.findByRole("heading", { name: "Leads" })).toBeTruthy();
    expect(
      await screen.findByText("No leads yet. Create one from a conversation in Messages."),
    ).toBeTruthy();

    await user.click(screen.getByRole("link", { name: "Settings" }));
    expect(await screen.findByRole("heading", { name: "Settings" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Channels" })).toBeTruthy();
  });

  it("signs in and lands on the page the user originally asked for", async () => {
    auth.signInWithPassword.mockImplementation(() => {
      const session = fakeSession();
      emitAuthEvent("SIGNED_IN", session);
      return Promise.resolve({ data: { user: session.user, session }, error: null });
    });
    const { user, router } = renderApp("/sign-in?redirectTo=%2Fsettings");

    await user.type(await screen.findByLabelText("Email"), "coach@example.com");
    await user.type(screen.getByLabelText("Password"), "correct-horse");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("heading", { name: "Settings" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/settings");
  });

  it("signs out and returns to the sign-in screen", async () => {
    setMockSession(fakeSession());
    auth.signOut.mockImplementation(() => {
      emitAuthEvent("SIGNED_OUT", null);
      return Promise.resolve({ error: null });
    });
    const { user, router } = renderApp("/messages");

    await user.click(await screen.findByRole("button", { name: "Sign out" }));

    expect(auth.signOut).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole("heading", { name: "Sign in to DM Desk" })).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
  });

  it("shows a not-found page for unknown URLs", async () => {
    renderApp("/nope");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
  });
});
