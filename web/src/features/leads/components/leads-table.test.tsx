import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { encodeInboxCursor } from "@dm-desk/shared/contracts/inbox-cursor";
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

  it("filters by source and status through the server, and keeps the filters in the URL", async () => {
    const leads = [
      fakeLead({ full_name: "Dm Dana", lead_source: "instagram_dm" }),
      fakeLead({ full_name: "Web Wes", lead_source: "website" }),
      fakeLead({ full_name: "Hired Hannah", lead_source: "website", status: "hired" }),
    ];
    const { user, router } = renderLeads(({ query }) =>
      ok({
        leads: leads.filter((lead) =>
          (!query.get("source") || lead.lead_source === query.get("source")) &&
          (!query.get("status") || lead.status === query.get("status"))
        ),
        next_cursor: null,
      })
    );
    await screen.findByRole("row", { name: "Web Wes" });
    expect(callsTo("recruiting-leads")[0]?.query.has("source")).toBe(false);

    await user.selectOptions(screen.getByLabelText("Source"), "instagram_dm");
    expect(await screen.findByRole("row", { name: "Dm Dana" })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("row", { name: "Web Wes" })).toBeNull());
    expect(callsTo("recruiting-leads").at(-1)?.query.get("source")).toBe("instagram_dm");
    expect(router.state.location.search).toBe("?source=instagram_dm");

    await user.selectOptions(screen.getByLabelText("Source"), "website");
    await user.selectOptions(screen.getByLabelText("Status"), "hired");
    expect(await screen.findByRole("row", { name: "Hired Hannah" })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("row", { name: "Web Wes" })).toBeNull());
    const last = callsTo("recruiting-leads").at(-1)?.query;
    expect([last?.get("source"), last?.get("status")]).toEqual(["website", "hired"]);

    await user.selectOptions(screen.getByLabelText("Source"), "referral");
    expect(await screen.findByText("No leads match these filters.")).toBeTruthy();
  });

  it("opens with the filters a link carries, leaving out values the server would refuse", async () => {
    setMockSession(fakeSession());
    mockFunctions({
      "my-workspaces": () => ok({ workspaces: [fakeWorkspace()] }),
      "recruiting-leads": () => ok({ leads: [], next_cursor: null }),
    });
    renderApp("/leads?source=referral&status=sideways");
    expect(await screen.findByText("No leads match these filters.")).toBeTruthy();
    const query = callsTo("recruiting-leads")[0]?.query;
    expect([query?.get("source"), query?.has("status")]).toEqual(["referral", false]);
    expect((screen.getByLabelText("Source") as HTMLSelectElement).value).toBe("referral");
  });

  it("loads the next page with the same filters", async () => {
    const cursor = encodeInboxCursor({ at: isoFromNow(-7_200_000), id: fakeLead().id });
    const { user } = renderLeads(({ query }) =>
      query.get("cursor")
        ? ok({ leads: [fakeLead({ full_name: "Older Olga" })], next_cursor: null })
        : ok({ leads: [fakeLead({ full_name: "Newer Nina" })], next_cursor: cursor })
    );
    await screen.findByRole("row", { name: "Newer Nina" });
    await user.selectOptions(screen.getByLabelText("Source"), "manual");
    await waitFor(() =>
      expect(callsTo("recruiting-leads").at(-1)?.query.get("source")).toBe("manual")
    );
    await user.click(await screen.findByRole("button", { name: "Load more" }));
    expect(await screen.findByRole("row", { name: "Older Olga" })).toBeTruthy();
    const last = callsTo("recruiting-leads").at(-1)?.query;
    expect([last?.get("cursor"), last?.get("source")]).toEqual([cursor, "manual"]);
  });

  it("moves a lead along the pipeline from its row, and keeps a status filter correct", async () => {
    const maya = fakeLead({ full_name: "Maya Okafor", status: "new" });
    const sam = fakeLead({ full_name: "Sam Walker", status: "new" });
    const stored = [maya, sam];
    const { user } = renderLeads(({ method, body, query }) => {
      if (method === "PATCH") {
        const { id, status } = body as { id: string; status: RecruitingLead["status"] };
        const index = stored.findIndex((lead) => lead.id === id);
        stored[index] = { ...stored[index]!, status };
        return ok({ lead: stored[index] });
      }
      const status = query.get("status");
      return ok({
        leads: stored.filter((lead) => !status || lead.status === status),
        next_cursor: null,
      });
    });

    const row = await screen.findByRole("row", { name: "Maya Okafor" });
    const select = within(row).getByRole("combobox", { name: "Status of Maya Okafor" });
    expect((select as HTMLSelectElement).value).toBe("new");
    await user.selectOptions(select, "Qualified");

    const patches = callsTo("recruiting-leads").filter((call) => call.method === "PATCH");
    expect(patches.map((call) => call.body)).toEqual([{ id: maya.id, status: "qualified" }]);
    await waitFor(() =>
      expect(
        (within(screen.getByRole("row", { name: "Maya Okafor" })).getByRole("combobox", {
          name: "Status of Maya Okafor",
        }) as HTMLSelectElement).value,
      ).toBe("qualified")
    );
    expect(
      within(screen.getByRole("row", { name: "Maya Okafor" })).getByRole("option", {
        name: "Qualified",
        selected: true,
      }),
    ).toBeTruthy();

    // Filtered to "New", a lead moved on leaves the list once the server agrees.
    await user.selectOptions(screen.getByLabelText("Status"), "new");
    expect(await screen.findByRole("row", { name: "Sam Walker" })).toBeTruthy();
    expect(screen.queryByRole("row", { name: "Maya Okafor" })).toBeNull();
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Status of Sam Walker" }),
      "contacted",
    );
    await waitFor(() => expect(screen.queryByRole("row", { name: "Sam Walker" })).toBeNull());
    expect(await screen.findByText("No leads match these filters.")).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Status"), "contacted");
    expect(await screen.findByRole("row", { name: "Sam Walker" })).toBeTruthy();
  });

  it("puts the old status back and says why when the server refuses the change", async () => {
    const maya = fakeLead({ full_name: "Maya Okafor", status: "contacted" });
    let refuse: (reply: ReturnType<typeof fail>) => void = () => {};
    let lists = 0;
    const { user } = renderLeads(({ method }) => {
      if (method === "PATCH") return new Promise((resolve) => (refuse = resolve));
      lists += 1;
      // the list fetched again after the refusal is still on its way: the row must not wait for it
      return lists === 1 ? ok({ leads: [maya], next_cursor: null }) : new Promise(() => {});
    });
    const row = await screen.findByRole("row", { name: "Maya Okafor" });
    const select = within(row).getByRole("combobox", {
      name: "Status of Maya Okafor",
    }) as HTMLSelectElement;
    await user.selectOptions(select, "hired");
    // the new status shows while the server is asked
    expect(select.value).toBe("hired");
    const listCalls = lists;

    refuse(fail(403, "forbidden", "You are no longer a member of this workspace"));
    expect(
      await screen.findByText(
        "Couldn't change Maya Okafor's status to Hired: You are no longer a member of this workspace",
      ),
    ).toBeTruthy();
    expect(select.value).toBe("contacted");
    expect(within(row).getByRole("option", { name: "Contacted", selected: true })).toBeTruthy();
    // and the list is fetched again, in case it changed meanwhile
    await waitFor(() => expect(lists).toBeGreaterThan(listCalls));
  });

  it("adds a manual lead from the page header, and lists it", async () => {
    const leads: RecruitingLead[] = [];
    const { user } = renderLeads((call) => {
      if (call.method !== "POST") return ok({ leads, next_cursor: null });
      const lead = fakeLead({ full_name: "Jordan Lee", email: "jordan@example.com" });
      leads.unshift(lead);
      return ok({ lead });
    });
    await user.click(await screen.findByRole("button", { name: "Add lead" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a lead" });
    expect(within(dialog).getByText(/Source: Manual/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText("First name"), "Jordan");
    await user.type(within(dialog).getByLabelText("Last name"), "Lee");
    await user.type(within(dialog).getByLabelText("Email"), "jordan@example.com");
    await user.type(within(dialog).getByLabelText("Phone"), "+14155550199");
    await user.click(within(dialog).getByRole("button", { name: "Create lead" }));

    expect(await screen.findByRole("row", { name: "Jordan Lee" })).toBeTruthy();
    const [create] = callsTo("recruiting-leads").filter((call) => call.method === "POST");
    expect(create?.body).toEqual({
      imo_id: WORKSPACE_ID,
      first_name: "Jordan",
      last_name: "Lee",
      email: "jordan@example.com",
      phone: "+14155550199",
    });
    expect(callsTo("recruiting-leads/prefill")).toHaveLength(0);
  });

  it("shows the error with a way to try again", async () => {
    renderLeads(() => fail(500, "internal", "Database unavailable"));
    expect((await screen.findByRole("alert")).textContent).toContain("Database unavailable");
  });
});
