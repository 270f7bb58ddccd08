import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { PlanResponse } from "@dm-desk/shared/contracts/workspaces";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { fakeWorkspace, isoFromNow, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const PLANS: PlanResponse["plans"] = [
  { code: "free", name: "Free", monthly_price_cents: 0, features: {} },
  { code: "pro", name: "Pro", monthly_price_cents: 2000, features: { instagram_templates: true } },
  {
    code: "team",
    name: "Team",
    monthly_price_cents: 5000,
    features: {
      instagram_messaging: true,
      instagram_scheduled_messages: true,
      instagram_templates: true,
    },
  },
];
const FREE = { plan_code: "free", plan_name: "Free", features: {} };
const TEAM = { plan_code: "team", plan_name: "Team", features: PLANS[2]!.features };

function renderPlan(role: MyWorkspace["role"], path = "/settings/plan") {
  let current: typeof FREE | typeof TEAM = FREE;
  const changes: PlanResponse["changes"] = [];
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [fakeWorkspace({ role, ...current })] }),
    "connected-accounts": () => ok({ accounts: [] }),
    [`workspaces/${WORKSPACE_ID}/plan`]: (call) => {
      if (call.method === "GET") {
        return ok({
          current: { plan_code: current.plan_code, plan_name: current.plan_name, status: "active" },
          plans: PLANS,
          changes,
        });
      }
      if (role !== "owner") return fail(403, "forbidden", "Only an owner can change the plan");
      changes.unshift({
        from_plan_code: current.plan_code,
        to_plan_code: "team",
        changed_by_email: "coach@example.com",
        changed_at: isoFromNow(0),
      });
      const from = current.plan_code;
      current = TEAM;
      return ok({ plan_code: "team", from_plan_code: from, changed: true });
    },
  });
  return renderApp(path);
}

describe("Settings › Plan", () => {
  it("shows each plan with what it unlocks, the current one marked", async () => {
    renderPlan("owner");
    const free = within(await screen.findByRole("article", { name: "Free plan" }));
    expect(free.getByText("Current")).toBeTruthy();
    const team = within(screen.getByRole("article", { name: "Team plan" }));
    expect(team.getByText("$50 / month")).toBeTruthy();
    expect(team.getByText("Connect Instagram accounts and answer DMs together").textContent)
      .toContain("(included)");
    expect(free.getByText("Message templates").textContent).toContain("(not included)");
  });

  it("lets the owner switch at once; the gated Channels page opens", async () => {
    const { user } = renderPlan("owner", "/settings");
    // the Free plan's prompt leads here
    await user.click(await screen.findByRole("link", { name: "Compare plans and upgrade" }));
    const team = within(await screen.findByRole("article", { name: "Team plan" }));
    await user.click(team.getByRole("button", { name: "Switch to Team" }));

    expect(await screen.findByText("This workspace is now on Team")).toBeTruthy();
    expect(callsTo(`workspaces/${WORKSPACE_ID}/plan`).filter((c) => c.method === "POST"))
      .toEqual([expect.objectContaining({ body: { plan_code: "team" } })]);
    await waitFor(() =>
      expect(within(screen.getByRole("article", { name: "Team plan" })).getByText("Current"))
        .toBeTruthy()
    );
    expect(screen.getByText(/Free → Team/)).toBeTruthy();

    await user.click(screen.getByRole("link", { name: "Channels" }));
    const connect = await screen.findByRole("button", { name: "Connect Instagram" });
    expect(connect.hasAttribute("disabled")).toBe(false);
    expect(screen.queryByText("Instagram messaging is part of the Team plan")).toBeNull();
  });

  it("shows others the plans without a way to change them", async () => {
    renderPlan("admin");
    await screen.findByRole("article", { name: "Team plan" });
    expect(screen.getByText("Only an owner can change the plan.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Switch to/ })).toBeNull();
  });
});
