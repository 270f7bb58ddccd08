import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { LeadAction } from "@/features/leads/components/lead-action.tsx";
import { WORKSPACE_ID } from "@/testing/fixtures.ts";
import {
  callsTo,
  fail,
  type FunctionHandler,
  mockFunctions,
  ok,
} from "@/testing/function-mocks.ts";
import { renderWithProviders } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const CONVERSATION = "00000000-0000-4000-9000-000000000007";

function renderAction(create: FunctionHandler = ({ body }) =>
  ok({
    lead: {
      id: "00000000-0000-4000-8000-0000000000e1",
      imo_id: WORKSPACE_ID,
      full_name: "Maya Okafor",
      email: (body as { email: string }).email,
      phone: "+14155550123",
      instagram_username: "maya.okafor",
      lead_source: "instagram_dm",
      status: "new",
      notes: null,
      owner_user_id: null,
      created_by: null,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      conversation_id: CONVERSATION,
    },
  })) {
  const onCreated = vi.fn();
  mockFunctions({
    "recruiting-leads/prefill": () =>
      ok({
        first_name: "Maya",
        last_name: "Okafor",
        instagram_username: "maya.okafor",
        existing_lead_id: null,
      }),
    "recruiting-leads": create,
  });
  const view = renderWithProviders(
    <LeadAction
      imoId={WORKSPACE_ID}
      conversationId={CONVERSATION}
      lead={null}
      onCreated={onCreated}
    />,
  );
  return { ...view, onCreated };
}

describe("Create lead from a conversation", () => {
  it("starts from the contact's names and links the lead to the conversation", async () => {
    const { user, onCreated } = renderAction();
    await user.click(screen.getByRole("button", { name: "Create lead" }));
    const dialog = await screen.findByRole("dialog", { name: "Create a lead" });
    expect(within(dialog).getByText(/From @maya.okafor's conversation/)).toBeTruthy();
    await waitFor(() =>
      expect(within(dialog).getByLabelText<HTMLInputElement>("First name").value).toBe("Maya")
    );
    expect(within(dialog).getByLabelText<HTMLInputElement>("Last name").value).toBe("Okafor");
    expect(callsTo("recruiting-leads/prefill")[0]?.query.get("conversation_id")).toBe(CONVERSATION);

    await user.type(within(dialog).getByLabelText("Email"), "maya@example.com");
    await user.type(within(dialog).getByLabelText("Phone"), "+1 415 555 0123");
    await user.click(within(dialog).getByRole("button", { name: "Create lead" }));

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(callsTo("recruiting-leads")[0]?.body).toEqual({
      imo_id: WORKSPACE_ID,
      conversation_id: CONVERSATION,
      first_name: "Maya",
      last_name: "Okafor",
      email: "maya@example.com",
      // spaces dropped, as the contract writes E.164
      phone: "+14155550123",
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("says what is missing before sending anything, and the server's reason after", async () => {
    const { user } = renderAction(() =>
      fail(409, "lead_exists", "This conversation already has a lead")
    );
    await user.click(screen.getByRole("button", { name: "Create lead" }));
    const dialog = await screen.findByRole("dialog", { name: "Create a lead" });
    await user.type(within(dialog).getByLabelText("Phone"), "555");
    await user.click(within(dialog).getByRole("button", { name: "Create lead" }));
    expect(within(dialog).getByLabelText("Email").getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getByText("Use the international format, e.g. +14155550123"))
      .toBeTruthy();
    expect(callsTo("recruiting-leads")).toHaveLength(0);

    await user.type(within(dialog).getByLabelText("Email"), "maya@example.com");
    await user.clear(within(dialog).getByLabelText("Phone"));
    await user.type(within(dialog).getByLabelText("Phone"), "+14155550123");
    await user.click(within(dialog).getByRole("button", { name: "Create lead" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "Couldn't create the lead: This conversation already has a lead",
    );
  });

  it("closes with Escape without creating anything", async () => {
    const { user } = renderAction();
    await user.click(screen.getByRole("button", { name: "Create lead" }));
    await screen.findByRole("dialog", { name: "Create a lead" });
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsTo("recruiting-leads")).toHaveLength(0);
  });

  it("links to the lead once the conversation has one", () => {
    mockFunctions({});
    renderWithProviders(
      <LeadAction
        imoId={WORKSPACE_ID}
        conversationId={CONVERSATION}
        lead={{ id: "00000000-0000-4000-8000-0000000000e1", full_name: "Maya Okafor" }}
        onCreated={() => {}}
      />,
    );
    expect(screen.getByRole("link", { name: "Maya Okafor" }).getAttribute("href")).toBe("/leads");
  });
});
