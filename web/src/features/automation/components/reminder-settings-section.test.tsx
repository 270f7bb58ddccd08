import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { fakeTemplate, fakeWorkspace, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, fail, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const DEFAULT_TEXT = "Hi {{first_name}}, just checking in: is there anything else I can answer?";
const FOLLOW_UP = fakeTemplate({
  id: "00000000-0000-4000-8000-0000000000c2",
  name: "Gentle follow-up",
  content: "Hey {{first_name}}, still interested in the role?",
});

function renderSettings(
  workspace: Partial<MyWorkspace>,
  options: { refuse?: boolean } = {},
) {
  let stored = { reminders_enabled: false, reminder_template_id: null as string | null };
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [fakeWorkspace(workspace)] }),
    "message-templates": () => ok({ templates: [fakeTemplate(), FOLLOW_UP] }),
    "scheduled-messages/reminder-settings": ({ method, body }) => {
      if (method === "PATCH") {
        if (options.refuse) {
          return fail(404, "template_not_found", "No such template");
        }
        const { imo_id: _, ...changes } = body as Record<string, unknown>;
        stored = { ...stored, ...changes };
      }
      return ok({
        settings: { imo_id: WORKSPACE_ID, ...stored, default_text: DEFAULT_TEXT, quiet_hours: 12 },
      });
    },
  });
  return renderApp("/settings/automation");
}

describe("Settings › Automation", { timeout: 15_000 }, () => {
  it("lets an admin turn the priority reminder on with a template, and saves both", async () => {
    const { user } = renderSettings({ role: "admin" });
    const form = await screen.findByRole("form", { name: "Priority reminder settings" });
    const toggle = within(form).getByRole("switch", { name: "Send priority reminders" });
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    expect(within(form).getByText(/no message from your team for 12 hours/)).toBeTruthy();
    expect(within(form).getByText(DEFAULT_TEXT)).toBeTruthy();
    const save = within(form).getByRole("button", { name: "Save" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    await user.click(toggle);
    expect(toggle.getAttribute("aria-checked")).toBe("true");
    await user.click(within(form).getByRole("combobox", { name: "Reminder message" }));
    await user.click(await screen.findByRole("option", { name: "Gentle follow-up" }));
    expect(within(form).getByText(FOLLOW_UP.content)).toBeTruthy();
    await user.click(save);

    await waitFor(() =>
      expect(callsTo("scheduled-messages/reminder-settings").find((c) => c.method === "PATCH"))
        .toBeTruthy()
    );
    const patch = callsTo("scheduled-messages/reminder-settings").find((c) => c.method === "PATCH");
    expect(patch?.body).toEqual({
      imo_id: WORKSPACE_ID,
      reminders_enabled: true,
      reminder_template_id: FOLLOW_UP.id,
    });
    // the form starts again from what is stored: nothing left to save
    await waitFor(() => {
      const saved = within(screen.getByRole("form", { name: "Priority reminder settings" }));
      expect((saved.getByRole("button", { name: "Save" }) as HTMLButtonElement).disabled)
        .toBe(true);
      expect(saved.getByRole("switch").getAttribute("aria-checked")).toBe("true");
      expect(saved.getByText(FOLLOW_UP.content)).toBeTruthy();
    });
  });

  it("shows a recruiter the settings without a way to change them", async () => {
    renderSettings({ role: "recruiter" });
    const form = await screen.findByRole("form", { name: "Priority reminder settings" });
    expect((within(form).getByRole("switch") as HTMLButtonElement).disabled).toBe(true);
    expect(within(form).queryByRole("button", { name: "Save" })).toBeNull();
    expect(within(form).getByText("Only owners and admins change these settings.")).toBeTruthy();
  });

  it("shows the upgrade prompt on a plan without scheduled messages, the settings read-only", async () => {
    renderSettings({
      role: "owner",
      plan_code: "pro",
      plan_name: "Pro",
      features: { instagram_templates: true },
    });
    // the comment keywords section below has its own callout: look inside this one
    const section = within(await screen.findByRole("region", { name: "Priority reminders" }));
    expect(
      await section.findByText("Scheduled messages and reminders are part of the Team plan"),
    ).toBeTruthy();
    expect(section.getByRole("link", { name: "Compare plans and upgrade" })).toBeTruthy();
    const form = await screen.findByRole("form", { name: "Priority reminder settings" });
    expect((within(form).getByRole("switch") as HTMLButtonElement).disabled).toBe(true);
    expect(within(form).queryByRole("button", { name: "Save" })).toBeNull();
  });

  it("says why the server refused a change", async () => {
    const { user } = renderSettings({ role: "owner" }, { refuse: true });
    const form = await screen.findByRole("form", { name: "Priority reminder settings" });
    await user.click(within(form).getByRole("switch"));
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(await within(form).findByText("Couldn't save: No such template")).toBeTruthy();
  });
});
