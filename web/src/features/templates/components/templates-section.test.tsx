import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import type { MessageTemplate } from "@dm-desk/shared/schemas/message-template";
import { fakeTemplate, fakeWorkspace, WORKSPACE_ID } from "@/testing/fixtures.ts";
import { callsTo, fail, type FunctionReply, mockFunctions, ok } from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp, renderWithProviders } from "@/testing/test-utils.tsx";
import { TemplateMenu } from "@/features/messages/components/template-menu.tsx";
import { TemplatesSection } from "@/features/templates/components/templates-section.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

const GREETING = fakeTemplate({ use_count: 3 });
const FOLLOW_UP = fakeTemplate({
  id: "00000000-0000-4000-8000-0000000000c2",
  name: "Gentle follow-up",
  content: "Hey {{first_name}}, still interested in the role?",
  category: "follow_up",
  use_count: 1,
});
const NEW_ID = "00000000-0000-4000-8000-0000000000c3";

type Refusal = (body: Record<string, unknown>) => FunctionReply | undefined;

// Plays message-templates for one workspace: a list the writes change, or a refusal.
function renderTemplates(workspace: Partial<MyWorkspace>, options: { refuse?: Refusal } = {}) {
  serveTemplates(workspace, options);
  return renderApp("/settings/templates");
}

function serveTemplates(workspace: Partial<MyWorkspace>, options: { refuse?: Refusal } = {}) {
  let templates: MessageTemplate[] = [GREETING, FOLLOW_UP];
  setMockSession(fakeSession());
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [fakeWorkspace(workspace)] }),
    "message-templates": ({ method, body, query }) => {
      const fields = (body ?? {}) as Record<string, unknown>;
      const refusal = method === "GET" ? undefined : options.refuse?.(fields);
      if (refusal) return refusal;
      if (method === "POST") {
        const template = fakeTemplate({ ...fields, id: NEW_ID } as Partial<MessageTemplate>);
        templates = [...templates, template];
        return ok({ template });
      }
      if (method === "PATCH") {
        const { id, ...changes } = fields;
        const template = { ...templates.find((t) => t.id === id)!, ...changes };
        templates = templates.map((t) => (t.id === id ? template : t));
        return ok({ template });
      }
      if (method === "DELETE") {
        templates = templates.filter((t) => t.id !== query.get("id"));
        return ok("");
      }
      return ok({ templates });
    },
  });
}

const writes = (method: string) => callsTo("message-templates").filter((c) => c.method === method);
const list = async () => within(await screen.findByRole("list", { name: "Templates" }));

describe("Settings › Templates", () => {
  it("lists the templates with their category, text and use, under a Templates tab", async () => {
    renderTemplates({ role: "owner" });
    const rows = await list();
    const greeting = within(rows.getByRole("listitem", { name: "Greeting" }));
    expect(greeting.getByText("Hi {{first_name}}!")).toBeTruthy();
    expect(greeting.getByText("Used 3 times")).toBeTruthy();
    const followUp = within(rows.getByRole("listitem", { name: "Gentle follow-up" }));
    expect(followUp.getByText("Follow-up")).toBeTruthy();
    expect(followUp.getByText("Used once")).toBeTruthy();
    expect(callsTo("message-templates")[0]?.query.get("imo_id")).toBe(WORKSPACE_ID);
    const tab = screen.getByRole("link", { name: "Templates" });
    expect(tab.getAttribute("aria-current")).toBe("page");
  });

  it("creates a template: posts name, category and text, and the list shows it", async () => {
    const { user } = renderTemplates({ role: "admin" });
    await list();
    const opener = screen.getByRole("button", { name: "New template" });
    await user.click(opener);
    const dialog = await screen.findByRole("dialog", { name: "New template" });
    expect(within(dialog).getByText(/\{\{first_name\}\}, \{\{last_name\}\}, \{\{full_name\}\}/))
      .toBeTruthy();

    await user.type(within(dialog).getByLabelText("Name"), "  Booking a call ");
    await user.click(within(dialog).getByRole("combobox", { name: "Category" }));
    await user.click(await screen.findByRole("option", { name: "Scheduling" }));
    await user.click(within(dialog).getByLabelText("Text"));
    await user.paste("Hi {{first_name}}, when suits you for a call?");
    await user.click(within(dialog).getByRole("button", { name: "Create template" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(writes("POST").map((call) => call.body)).toEqual([{
      imo_id: WORKSPACE_ID,
      name: "Booking a call",
      category: "scheduling",
      content: "Hi {{first_name}}, when suits you for a call?",
    }]);
    const row = within((await list()).getByRole("listitem", { name: "Booking a call" }));
    expect(row.getByText("Scheduling")).toBeTruthy();
    expect(await screen.findByText("Created “Booking a call”")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it("edits a template from its menu and sends the changes", async () => {
    const { user } = renderTemplates({ role: "owner" });
    const rows = await list();
    await user.click(rows.getByRole("button", { name: "Actions for Gentle follow-up" }));
    await user.click(await screen.findByRole("menuitem", { name: "Edit…" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit template" });
    const name = within(dialog).getByLabelText<HTMLInputElement>("Name");
    expect(name.value).toBe("Gentle follow-up");
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>("Text").value).toBe(
      FOLLOW_UP.content,
    );
    await user.clear(name);
    await user.type(name, "Second nudge");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(writes("PATCH")[0]?.body).toEqual({
      id: FOLLOW_UP.id,
      name: "Second nudge",
      category: "follow_up",
      content: FOLLOW_UP.content,
    });
    expect((await list()).getByRole("listitem", { name: "Second nudge" })).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement?.getAttribute("aria-label")).toBe(
        "Actions for Second nudge",
      )
    );
  });

  it("shows what is wrong beside the field: unknown variables before sending, the server's 4xx after", async () => {
    const { user } = renderTemplates({ role: "owner" }, {
      refuse: (body) =>
        body.name === "Greeting"
          ? fail(409, "template_name_taken", "A template with this name already exists")
          : fail(422, "validation_failed", "The request body is invalid", {
            details: [{ path: "content", message: "Message is too long: 1200 bytes" }],
          }),
    });
    await list();
    await user.click(screen.getByRole("button", { name: "New template" }));
    const dialog = await screen.findByRole("dialog", { name: "New template" });
    const name = within(dialog).getByLabelText("Name");
    const text = within(dialog).getByLabelText("Text");
    const create = within(dialog).getByRole("button", { name: "Create template" });

    await user.type(name, "Greeting");
    await user.click(text);
    await user.paste("Hi {{nickname}}");
    await user.click(create);
    expect(within(dialog).getByText(/^Unknown variable \{\{nickname\}\}; use \{\{first_name\}\}/))
      .toBeTruthy();
    expect(text.getAttribute("aria-invalid")).toBe("true");
    expect(writes("POST")).toHaveLength(0);

    await user.clear(text);
    await user.paste("Hi {{first_name}}");
    await user.click(create);
    const taken = await within(dialog).findByText("A template with this name already exists");
    expect(name.getAttribute("aria-describedby")).toBe(taken.id);
    expect(name.getAttribute("aria-invalid")).toBe("true");

    await user.type(name, " again");
    await user.click(create);
    const tooLong = await within(dialog).findByText("Message is too long: 1200 bytes");
    expect(text.getAttribute("aria-describedby")).toContain(tooLong.id);
    expect(name.getAttribute("aria-invalid")).toBeNull();
    expect(writes("POST")).toHaveLength(2);
    expect(screen.getByRole("dialog", { name: "New template" })).toBeTruthy();
  });

  it("asks before deleting, then deletes and gives the focus to New template", async () => {
    const { user } = renderTemplates({ role: "owner" });
    const rows = await list();
    await user.click(rows.getByRole("button", { name: "Actions for Greeting" }));
    await user.click(await screen.findByRole("menuitem", { name: "Delete…" }));
    const confirm = await screen.findByRole("alertdialog", { name: "Delete “Greeting”?" });
    expect(document.activeElement).toBe(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(writes("DELETE")).toHaveLength(0);

    await user.click(within(confirm).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(writes("DELETE").map((call) => call.query.get("id"))).toEqual([GREETING.id]);
    await waitFor(() => expect(screen.queryByRole("listitem", { name: "Greeting" })).toBeNull());
    expect((await list()).getByRole("listitem", { name: "Gentle follow-up" })).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "New template" }))
    );
  });

  it("shows a recruiter the templates read-only", async () => {
    renderTemplates({ role: "recruiter" });
    const rows = await list();
    expect(rows.getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByText("Only owners and admins create and change templates.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "New template" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Actions for/ })).toBeNull();
  });

  it("asks a plan without templates to upgrade, and loads none", async () => {
    renderTemplates({
      role: "owner",
      plan_code: "free",
      plan_name: "Free",
      features: { instagram_templates: false },
    });
    expect(await screen.findByText("Message templates are part of the Pro and Team plans"))
      .toBeTruthy();
    expect(screen.getByRole("link", { name: "Compare plans and upgrade" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "New template" })).toBeNull();
    expect(callsTo("message-templates")).toHaveLength(0);
  });

  it("shares its list with the composer's Templates menu, which sees a new template at once", async () => {
    serveTemplates({});
    const { user } = renderWithProviders(
      <>
        <TemplatesSection workspace={fakeWorkspace()} />
        <TemplateMenu
          imoId={WORKSPACE_ID}
          conversationId="00000000-0000-4000-8000-0000000000d1"
          isDisabled={false}
          onInsert={() => {}}
        />
      </>,
    );
    await list();
    await user.click(screen.getByRole("button", { name: "New template" }));
    const dialog = await screen.findByRole("dialog", { name: "New template" });
    await user.type(within(dialog).getByLabelText("Name"), "Welcome back");
    await user.click(within(dialog).getByLabelText("Text"));
    await user.paste("Good to hear from you again, {{first_name}}!");
    await user.click(within(dialog).getByRole("button", { name: "Create template" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await user.click(screen.getByRole("button", { name: "Templates" }));
    const menu = await screen.findByRole("menu");
    expect(within(menu).getByText("Welcome back")).toBeTruthy();
    // one list for both: the menu did not fetch its own copy
    expect(callsTo("message-templates").filter((c) => c.method === "GET")).toHaveLength(2);
  });
});
