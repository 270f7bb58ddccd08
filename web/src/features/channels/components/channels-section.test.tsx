import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { goToExternalUrl } from "@/lib/external-navigation.ts";
import { fakeAccount, fakeWorkspace, isoFromNow, WORKSPACE_ID } from "@/testing/fixtures.ts";
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
vi.mock("@/lib/external-navigation.ts", () => ({ goToExternalUrl: vi.fn() }));

const DAY_MS = 86_400_000;

function renderSettings(
  options: {
    workspace?: MyWorkspace;
    accounts?: FunctionHandler;
    extra?: Record<string, FunctionHandler>;
  } = {},
) {
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [options.workspace ?? fakeWorkspace()] }),
    "connected-accounts": options.accounts ?? (() => ok({ accounts: [] })),
    ...options.extra,
  });
  return renderApp("/settings");
}

const connectButton = () => screen.findByRole("button", { name: "Connect Instagram" });
const facebookButton = () =>
  screen.getByRole("button", { name: "Connect with Facebook (Page-linked)" });

describe("Settings › Channels", () => {
  beforeEach(() => vi.mocked(goToExternalUrl).mockClear());

  it("lists every account with its health", async () => {
    const accounts = [
      fakeAccount({ username: "northwind.careers" }),
      fakeAccount({ username: "northwind.jobs", scopes: ["instagram_business_basic"] }, {
        missing_scopes: ["instagram_business_manage_messages"],
        needs_reconnect: true,
      }),
      fakeAccount({
        username: "northwind.old",
        status: "expired",
        token_expires_at: isoFromNow(-DAY_MS),
        last_webhook_at: null,
        last_error: "Error validating access token: Session has expired",
        last_error_at: isoFromNow(-2 * DAY_MS),
      }, { needs_reconnect: true, webhooks_quiet: true }),
      fakeAccount({
        platform: "facebook",
        auth_path: "facebook_login",
        username: "Northwind Careers",
        token_expires_at: null,
      }),
      fakeAccount({
        username: "northwind.gone",
        status: "disconnected",
        disconnected_at: isoFromNow(-3 * DAY_MS),
      }),
    ];
    renderSettings({ accounts: () => ok({ accounts }) });

    const list = await screen.findByRole("list", { name: "Connected accounts" });
    const row = (name: string) => within(within(list).getByRole("listitem", { name }));

    const healthy = row("@northwind.careers");
    expect(healthy.getByText("Connected")).toBeTruthy();
    expect(healthy.getByText("Token expires in 59 days")).toBeTruthy();
    expect(healthy.getByText("Last webhook 1 hour ago")).toBeTruthy();
    expect(healthy.queryByText("Reconnect needed")).toBeNull();

    const missingScope = row("@northwind.jobs");
    expect(missingScope.getByText("Reconnect needed")).toBeTruthy();
    expect(
      missingScope.getByText("Missing permissions: instagram_business_manage_messages"),
    ).toBeTruthy();
    expect(missingScope.getByRole("button", { name: "Reconnect" })).toBeTruthy();

    const expired = row("@northwind.old");
    expect(expired.getByText("Expired")).toBeTruthy();
    expect(expired.getByText("Token expired")).toBeTruthy();
    expect(expired.getByText("Reconnect needed")).toBeTruthy();
    expect(expired.getByText("No webhooks received yet")).toBeTruthy();
    expect(
      expired.getByText(
        "Last error 2 days ago: Error validating access token: Session has expired",
      ),
    ).toBeTruthy();

    // A Facebook Page is known by its name, and its Page token does not expire.
    const page = row("Northwind Careers");
    expect(page.getByText("Facebook")).toBeTruthy();
    expect(page.getByText("Token does not expire")).toBeTruthy();

    const gone = row("@northwind.gone");
    expect(gone.getByText("Disconnected")).toBeTruthy();
    expect(gone.getByText("Disconnected 3 days ago. History is kept.")).toBeTruthy();
    expect(gone.queryByRole("button", { name: /Disconnect/ })).toBeNull();

    expect(callsTo("connected-accounts")[0]?.query.get("imo_id")).toBe(WORKSPACE_ID);
    expect(callsTo("connected-accounts")[0]?.method).toBe("GET");
    expect(screen.getByText("Northwind Recruiting · Team plan")).toBeTruthy();
  });

  it("shows a skeleton while loading and an empty state when nothing is connected", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    renderSettings({ accounts: () => gate.then(() => ok({ accounts: [] })) });

    expect(await screen.findByText("Loading connected accounts…")).toBeTruthy();
    release();
    expect(await screen.findByText("No accounts connected yet")).toBeTruthy();
    expect(screen.queryByText("Loading connected accounts…")).toBeNull();
  });

  it("explains a failed load and retries", async () => {
    let attempts = 0;
    const { user } = renderSettings({
      accounts: () => {
        attempts += 1;
        return attempts === 1
          ? fail(500, "internal_error", "The database is unavailable")
          : ok({ accounts: [fakeAccount({ username: "northwind.careers" })] });
      },
    });

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Couldn't load connected accounts. The database is unavailable",
    );
    await user.click(screen.getByRole("button", { name: "Try again" }));

    expect(await screen.findByRole("listitem", { name: "@northwind.careers" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(attempts).toBe(2);
  });

  it("shows the Team plan callout instead of enabling connect when the plan lacks messaging", async () => {
    const { user } = renderSettings({
      workspace: fakeWorkspace({ plan_code: "free", plan_name: "Free", features: {} }),
    });

    expect(await screen.findByText("Instagram messaging is part of the Team plan")).toBeTruthy();
    expect(screen.getByText(/This workspace is on the Free plan\./)).toBeTruthy();
    const connect = await connectButton();
    expect((connect as HTMLButtonElement).disabled).toBe(true);
    expect((facebookButton() as HTMLButtonElement).disabled).toBe(true);
    await user.click(connect);
    expect(callsTo("instagram-oauth-init")).toHaveLength(0);
  });

  it("lets a recruiter look but not connect or disconnect", async () => {
    renderSettings({
      workspace: fakeWorkspace({ role: "recruiter" }),
      accounts: () => ok({ accounts: [fakeAccount({ username: "northwind.careers" })] }),
    });

    expect(((await connectButton()) as HTMLButtonElement).disabled).toBe(true);
    expect((facebookButton() as HTMLButtonElement).disabled).toBe(true);
    expect(
      screen.getByText("Only workspace owners and admins can connect or disconnect accounts."),
    ).toBeTruthy();
    const disconnect = await screen.findByRole("button", { name: "Disconnect @northwind.careers" });
    expect((disconnect as HTMLButtonElement).disabled).toBe(true);
  });

  it("asks instagram-oauth-init for the consent URL and sends the browser there", async () => {
    const consentUrl = "https://www.instagram.com/oauth/authorize?client_id=1&state=abc";
    const { user } = renderSettings({
      extra: {
        "instagram-oauth-init": () => ok({ url: consentUrl, expires_at: isoFromNow(600_000) }),
      },
    });

    await user.click(await connectButton());

    await waitFor(() => expect(goToExternalUrl).toHaveBeenCalledWith(consentUrl));
    expect(callsTo("instagram-oauth-init")).toEqual([
      expect.objectContaining({
        method: "POST",
        body: { imo_id: WORKSPACE_ID, auth_path: "instagram_login", return_to: "/settings" },
      }),
    ]);
    // The page is leaving for Meta: the button says so rather than looking clickable again.
    expect(screen.getByRole("button", { name: "Opening Instagram…" })).toBeTruthy();
  });

  it("starts the Page-linked flow through Facebook Login", async () => {
    const consentUrl = "https://www.facebook.com/v25.0/dialog/oauth?client_id=2&state=abc";
    const { user } = renderSettings({
      extra: {
        "instagram-oauth-init": () => ok({ url: consentUrl, expires_at: isoFromNow(600_000) }),
      },
    });
    await connectButton();
    await user.click(facebookButton());

    await waitFor(() => expect(goToExternalUrl).toHaveBeenCalledWith(consentUrl));
    expect(callsTo("instagram-oauth-init")[0]?.body).toEqual({
      imo_id: WORKSPACE_ID,
      auth_path: "facebook_login",
      return_to: "/settings",
    });
  });

  it("explains a refused connect without leaving the page", async () => {
    const { user } = renderSettings({
      extra: {
        "instagram-oauth-init": () =>
          fail(402, "plan_required", "This needs the Team plan", { required: "team" }),
      },
    });
    await user.click(await connectButton());

    expect((await screen.findByRole("alert")).textContent).toMatch(
      /Instagram messaging is part of the Team plan/,
    );
    expect(goToExternalUrl).not.toHaveBeenCalled();
    expect(((await connectButton()) as HTMLButtonElement).disabled).toBe(false);
  });
});
