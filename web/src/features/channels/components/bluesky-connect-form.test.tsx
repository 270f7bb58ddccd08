import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeAccount, fakeWorkspace, isoFromNow, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const APP_PASSWORD = "abcd-efgh-ijkl-mnop";

function renderSettings(connect = () => ok({})) {
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [fakeWorkspace()] }),
    "connected-accounts": () => ok({ accounts: [] }),
    "bluesky-connect": connect,
  });
  return renderApp("/settings");
}

describe("Settings › Channels › Connect Bluesky", () => {
  it("asks for an app password, never the main one, and links to where Bluesky makes one", async () => {
    const { user } = renderSettings();
    await user.click(await screen.findByRole("button", { name: "Connect Bluesky" }));
    const form = screen.getByRole("form", { name: "Connect Bluesky" });
    expect(within(form).getByText(/never your main Bluesky password/)).toBeTruthy();
    expect(within(form).getByRole("link", { name: "App passwords" }).getAttribute("href")).toBe(
      "https://bsky.app/settings/app-passwords",
    );

    await user.type(within(form).getByLabelText("Handle"), "northwind.bsky.social");
    await user.type(within(form).getByLabelText("App password"), "hunter2-my-real-password");
    expect(within(form).getByText(/That is not an app password/)).toBeTruthy();
    const submit = within(form).getByRole("button", { name: "Connect" }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(callsTo("bluesky-connect")).toHaveLength(0);
  });

  it("opens with the focus in Handle, and Cancel gives it back to Connect Bluesky", async () => {
    const { user } = renderSettings();
    await user.click(await screen.findByRole("button", { name: "Connect Bluesky" }));
    const form = screen.getByRole("form", { name: "Connect Bluesky" });
    expect(document.activeElement).toBe(within(form).getByLabelText("Handle"));
    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Connect Bluesky" }));
  });

  it("connects with the handle, app password and server, then lists the account", async () => {
    let connected = false;
    setMockSession(fakeSession());
    mockFunctions({
      "my-workspaces": () => ok({ workspaces: [fakeWorkspace()] }),
      "connected-accounts": () =>
        ok({
          accounts: connected
            ? [fakeAccount({
              platform: "bluesky",
              auth_path: "app_password",
              username: "northwind.bsky.social",
              token_expires_at: isoFromNow(90 * 86_400_000),
              scopes: ["com.atproto.appPassPrivileged"],
              last_polled_at: isoFromNow(-60_000),
            })]
            : [],
        }),
      "bluesky-connect": () => {
        connected = true;
        return ok({
          account_id: "00000000-0000-4000-8000-00000000b001",
          did: "did:plc:abc",
          handle: "northwind.bsky.social",
          dm_access: true,
        });
      },
    });
    const { user } = renderApp("/settings");
    await user.click(await screen.findByRole("button", { name: "Connect Bluesky" }));
    const form = screen.getByRole("form", { name: "Connect Bluesky" });
    await user.type(within(form).getByLabelText("Handle"), "@northwind.bsky.social");
    await user.type(within(form).getByLabelText("App password"), APP_PASSWORD);
    await user.click(within(form).getByRole("button", { name: "Connect" }));

    await waitFor(() => expect(callsTo("bluesky-connect")).toHaveLength(1));
    expect(callsTo("bluesky-connect")[0]?.body).toEqual({
      imo_id: WORKSPACE_ID,
      identifier: "northwind.bsky.social",
      app_password: APP_PASSWORD,
      service_url: "https://bsky.social",
    });
    expect(await screen.findByText("@northwind.bsky.social is connected.")).toBeTruthy();
    const row = await screen.findByRole("listitem", { name: "@northwind.bsky.social" });
    expect(within(row).getByText("Bluesky")).toBeTruthy();
    expect(within(row).getByText("Mentions and DMs checked 1 minute ago")).toBeTruthy();
  });

  it("says why Bluesky refused", async () => {
    const { user } = renderSettings(() =>
      fail(422, "invalid_credentials", "Bluesky did not accept this handle and app password.")
    );
    await user.click(await screen.findByRole("button", { name: "Connect Bluesky" }));
    const form = screen.getByRole("form", { name: "Connect Bluesky" });
    await user.type(within(form).getByLabelText("Handle"), "northwind.bsky.social");
    await user.type(within(form).getByLabelText("App password"), APP_PASSWORD);
    await user.click(within(form).getByRole("button", { name: "Connect" }));
    expect(await within(form).findByText(/did not accept this handle/)).toBeTruthy();
  });
});
