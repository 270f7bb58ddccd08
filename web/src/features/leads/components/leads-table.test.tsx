import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { RecruitingLead } from "@dm-desk/shared/schemas/recruiting-lead";
import { fakeWorkspace, isoFromNow, WORKSPACE_ID } from "@/testing/fixtures.ts";
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

let leadCounter = 0;
function fakeLead(overrides: Partial<RecruitingLead> = {}): RecruitingLead {
  leadCounter += 1;
  return {
    id: `00000000-0000-4000-8000-0000000d${String(leadCounter).padStart(4, "0")}`,
    imo_id: WORKSPACE_ID,
    full_name: `Lead ${leadCounter}`,
    email: `lead${leadCounter}@example.com`,
    phone: "+14155550123",
    instagram_username: null,
    lead_source: "manual",
    status: "new",
    notes: null,
    owner_user_id: null,
    created_by: null,
    created_at: isoFromNow(-3_600_000),
    updated_at: isoFromNow(-3_600_000),
    conversation_id: null,
    ...overrides,
  };
}

function renderLeads(leads: FunctionHandler) {
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [fakeWorkspace()] }),
    "recruiting-leads": leads,
  });
  return renderApp("/leads");
}

describe("Leads page", () => {
  it("lists leads with their source and links an Instagram lead back to its conversation", async () => {
    const fromDm = fakeLead({
      full_name: "Maya Okafor",
      lead_source: "instagram_dm",
      instagram_username: "maya.okafor",
      conversation_id: "00000000-0000-4000-9000-000000000042",
    });
    renderLeads(() =>
      ok({ leads: [fromDm, fakeLead({ full_name: "Sam Walker" })], next_cursor: null })
    );

    const row = await screen.findByRole("row", { name: "Maya Okafor" });
    expect(within(row).getByText("Instagram DM")).toBeTruthy();
    expect(within(row).getByText("@maya.okafor")).toBeTruthy();
    expect(within(row).getByRole("link", { name: "Conversation" }).getAttribute("href")).toBe(
      "/messages?conversation=00000000-0000-4000-9000-000000000042&q=maya.okafor",
    );
    const manual = screen.getByRole("row", { name: "Sam Walker" });
    expect(within(manual).getByText("Manual")).toBeTruthy();
    expect(within(manual).queryByRole("link")).toBeNull();
    expect(callsTo("recruiting-leads")[0]?.query.get("imo_id")).toBe(WORKSPACE_ID);
  });

  it("filters by source among the leads and by status through the server", async () => {
    const { user } = renderLeads(({ query }) =>
      ok({
        leads: query.get("status") === "hired"
          ? [fakeLead({ full_name: "Hired Hannah", status: "hired" })]
          : [
            fakeLead({ full_name: "Dm Dana", lead_source: "instagram_dm" }),
            fakeLead({ full_name: "Web Wes", lead_source: "website" }),
          ],
        next_cursor: null,
      })
    );
    await screen.findByRole("row", { name: "Web Wes" });

    await user.selectOptions(screen.getByLabelText("Source"), "instagram_dm");
    expect(screen.getByRole("row", { name: "Dm Dana" })).toBeTruthy();
    expect(screen.queryByRole("row", { name: "Web Wes" })).toBeNull();

    await user.selectOptions(screen.getByLabelText("Source"), "");
    await user.selectOptions(screen.getByLabelText("Status"), "hired");
    expect(await screen.findByRole("row", { name: "Hired Hannah" })).toBeTruthy();
    await waitFor(() =>
      expect(callsTo("recruiting-leads").at(-1)?.query.get("status")).toBe("hired")
    );

    await user.selectOptions(screen.getByLabelText("Source"), "referral");
    expect(screen.getByText("No leads match these filters.")).toBeTruthy();
  });

  it("shows the error with a way to try again", async () => {
    renderLeads(() => fail(500, "internal", "Database unavailable"));
    expect((await screen.findByRole("alert")).textContent).toContain("Database unavailable");
  });
});
