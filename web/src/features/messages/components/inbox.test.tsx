import { act, screen, waitFor, within } from "@testing-library/react";
import { focusManager } from "@tanstack/react-query";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import {
  fakeAccount,
  fakeConversation,
  fakeMessage,
  fakeWorkspace,
  WORKSPACE_ID,
} from "@/testing/fixtures.ts";
import {
  callsTo,
  fail,
  type FunctionHandler,
  type FunctionReply,
  mockFunctions,
  ok,
} from "@/testing/function-mocks.ts";
import { fakeSession, setMockSession } from "@/testing/supabase-mock.ts";
import { renderApp } from "@/testing/test-utils.tsx";

vi.mock("@/lib/supabase.ts", () => import("@/testing/supabase-mock.ts"));

// Wide: the resizable panels side by side; narrow (a phone): one panel at a time. jsdom lays
// nothing out, so the panels' separator covers every point a simulated click lands on and takes
// the pointer: tests that type use the narrow layout.
let isWide = true;

// jsdom lays nothing out: the virtualised list renders rows only into a viewport with a height.
beforeAll(() => {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: isWide,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(400);
});

const HOUR = 3_600_000;
const ME = fakeSession().user.id;
const account = fakeAccount({
  id: "00000000-0000-4000-8000-000000000001",
  username: "northwind.careers",
});

function renderInbox(
  options: {
    conversations?: InboxConversation[];
    workspace?: MyWorkspace;
    path?: string;
    extra?: Record<string, FunctionHandler>;
    accounts?: ReturnType<typeof fakeAccount>[];
  } = {},
) {
  setMockSession(fakeSession());
  const conversations = options.conversations ?? [];
  mockFunctions({
    "my-workspaces": () => ok({ workspaces: [options.workspace ?? fakeWorkspace()] }),
    "connected-accounts": () => ok({ accounts: options.accounts ?? [account] }),
    [`workspaces/${WORKSPACE_ID}/members`]: () =>
      ok({
        members: [
          {
            user_id: ME,
            email: "coach@example.com",
            display_name: "Casey Coach",
            role: "owner",
            joined_at: new Date().toISOString(),
          },
          {
            user_id: "00000000-0000-4000-8000-0000000000b2",
            email: "riley@example.com",
            display_name: "Riley",
            role: "recruiter",
            joined_at: new Date().toISOString(),
          },
        ],
        invitations: [],
      }),
    "instagram-get-conversations": ({ query }) => {
      const unread = conversations.filter((c) => c.unread_count > 0);
      return ok({
        conversations: conversations.filter((c) =>
          (!query.get("priority") || c.is_priority) &&
          (!query.get("unread") || c.unread_count > 0) &&
          Boolean(query.get("archived")) === Boolean(c.archived_at)
        ),
        next_cursor: null,
        unread_by_account: unread.length
          ? [{
            channel_account_id: account.id,
            unread_conversations: unread.length,
            unread_messages: unread.reduce((sum, c) => sum + c.unread_count, 0),
          }]
          : [],
      });
    },
    "scheduled-messages": () => ok({ scheduled_messages: [] }),
    "instagram-get-messages": ({ query }) =>
      ok({
        messages: [
          fakeMessage({
            conversation_id: query.get("conversation_id")!,
            text: "Second",
            sent_at: new Date(Date.now() - HOUR).toISOString(),
          }),
          fakeMessage({
            conversation_id: query.get("conversation_id")!,
            text: "First",
            sent_at: new Date(Date.now() - 2 * HOUR).toISOString(),
          }),
        ],
        next_cursor: null,
      }),
    "conversation-triage": ({ body }) => {
      const input = body as {
        conversation_id: string;
        action: string;
        is_priority?: boolean;
        archived?: boolean;
      };
      // the server's state changes too, so a refetch shows the change
      const index = conversations.findIndex((c) => c.id === input.conversation_id);
      const conversation = conversations[index]!;
      conversations[index] = {
        ...conversation,
        unread_count: input.action === "mark_read" ? 0 : conversation.unread_count,
        is_priority: input.is_priority ?? conversation.is_priority,
        archived_at: input.archived === undefined
          ? conversation.archived_at
          : input.archived
          ? new Date().toISOString()
          : null,
      };
      return ok({ conversation: conversations[index] });
    },
    "message-templates": () => ok({ templates: [] }),
    ...options.extra,
  });
  return renderApp(options.path ?? "/messages");
}

const list = () => screen.findByRole("listbox", { name: "Conversations" });

/** A send function that refuses the first reply as `failure` says, then sends every one. */
function failsOnceThenSends(
  conversation: InboxConversation,
  failure: () => FunctionReply,
): FunctionHandler {
  let attempts = 0;
  return (request) => {
    attempts += 1;
    if (attempts === 1) return failure();
    return ok({
      message: fakeMessage({
        conversation_id: conversation.id,
        direction: "outbound",
        text: (request.body as { text: string }).text,
        status: "sent",
        author: { kind: "user", user_id: ME, display_name: null },
      }),
      replayed: false,
    });
  };
}

describe("Messages › the sidebar", () => {
  beforeEach(() => void (isWide = true));

  it("lists conversations with their badges, and the unread count in the tab title", async () => {
    const maya = fakeConversation({
      contact: {
        id: "00000000-0000-4000-a000-0000000000a1",
        username: "maya.okafor",
        display_name: "Maya Okafor",
        profile_picture_url: null,
      },
      unread_count: 3,
      is_priority: true,
      lead: { id: "00000000-0000-4000-a000-0000000000f1", full_name: "Maya Okafor", status: "new" },
      assignee: { user_id: ME, display_name: "Casey Coach" },
    });
    const quiet = fakeConversation({ unread_count: 0 }, 30 * HOUR);
    const unanswered = fakeConversation({
      unread_count: 0,
      preview: "Are you free at 3?",
      last_message_direction: "outbound",
      last_message_failed: true,
    });
    const answered = fakeConversation({
      unread_count: 0,
      preview: "See you then",
      last_message_direction: "outbound",
    });
    renderInbox({ conversations: [maya, quiet, unanswered, answered] });

    const row = within(await list()).getByRole("option", { name: "@maya.okafor" });
    expect(within(row).getByLabelText("3 unread")).toBeTruthy();
    expect(within(row).getByLabelText("Priority")).toBeTruthy();
    expect(within(row).getByText("Lead")).toBeTruthy();
    expect(within(row).getByTitle("Assigned to Casey Coach")).toBeTruthy();
    expect(within(row).getByTitle(/^Open – 2[12] h left$/)).toBeTruthy();
    const closed = within(await list()).getByRole("option", { name: `@${quiet.contact.username}` });
    expect(within(closed).getByTitle("Closed – waiting for their reply")).toBeTruthy();
    // a reply that did not go out does not pass for an answer
    const option = async (c: InboxConversation) =>
      within(await list()).getByRole("option", { name: `@${c.contact.username}` });
    expect((await option(unanswered)).textContent).toContain("Not sent: Are you free at 3?");
    expect((await option(answered)).textContent).toContain("You: See you then");
    expect((await option(answered)).textContent).not.toContain("Not sent");
    await waitFor(() => expect(document.title).toBe("(1) Messages · DM Desk"));
  });

  it("says who wrote each outbound preview: you, a teammate by name, or the AI", async () => {
    const riley = "00000000-0000-4000-8000-0000000000b2";
    const outbound = (kind: "user" | "ai", userId: string | null, name: string | null) =>
      fakeConversation({
        unread_count: 0,
        last_message_direction: "outbound",
        last_message_author: { kind, user_id: userId, display_name: name },
      });
    const [mine, teammate, ai] = [
      outbound("user", ME, "Casey Coach"),
      outbound("user", riley, "Riley"),
      outbound("ai", null, null),
    ];
    renderInbox({ conversations: [mine!, teammate!, ai!] });
    const listbox = await list();
    const preview = (c: InboxConversation) =>
      within(listbox).getByRole("option", { name: `@${c.contact.username}` }).textContent;
    await waitFor(() => expect(preview(mine!)).toContain("You: "));
    expect(preview(teammate!)).toContain("Riley: ");
    expect(preview(teammate!)).not.toContain("You: ");
    expect(preview(ai!)).toContain("AI: ");
  });

  it("tells apart two people Meta gave no profile for", async () => {
    const nameless = (id: string) =>
      fakeConversation({
        contact: { id, username: null, display_name: null, profile_picture_url: null },
      });
    renderInbox({
      conversations: [
        nameless("00000000-0000-4000-a000-0000000001a7"),
        nameless("00000000-0000-4000-a000-0000000002c4"),
      ],
    });
    const rows = within(await list()).getAllByRole("option");
    expect(rows.map((row) => row.getAttribute("aria-label"))).toEqual([
      "Instagram user 01a7",
      "Instagram user 02c4",
    ]);
  });

  it("filters by priority, unread, assignee and search, through the list's query", async () => {
    const { user } = renderInbox({
      conversations: [fakeConversation({ is_priority: true }), fakeConversation()],
    });
    await list();
    expect(within(await list()).getAllByRole("option")).toHaveLength(2);

    await user.click(screen.getByRole("button", { name: "Priority" }));
    await waitFor(() =>
      expect(within(screen.getByRole("listbox")).getAllByRole("option")).toHaveLength(1)
    );
    expect(callsTo("instagram-get-conversations").at(-1)?.query.get("priority")).toBe("true");

    await user.click(screen.getByRole("button", { name: "Unread" }));
    await user.click(screen.getByRole("button", { name: "Mine" }));
    await waitFor(() =>
      expect(callsTo("instagram-get-conversations").at(-1)?.query.get("assignee")).toBe("me")
    );
    const last = callsTo("instagram-get-conversations").at(-1)!.query;
    expect(last.get("unread")).toBe("true");
    expect(last.get("imo_id")).toBe(WORKSPACE_ID);
    expect(screen.getByRole("button", { name: "Mine" }).getAttribute("aria-pressed")).toBe("true");

    // focused directly: in jsdom the panels' separator would take a simulated click (see isWide)
    screen.getByRole("searchbox", { name: "Search conversations" }).focus();
    await user.keyboard("m");
    expect(screen.getByText("Type at least 2 characters to search")).toBeTruthy();
    await user.keyboard("aya");
    expect(screen.queryByText("Type at least 2 characters to search")).toBeNull();
    await waitFor(() =>
      expect(callsTo("instagram-get-conversations").at(-1)?.query.get("q")).toBe("maya")
    );
    // one character is not searched (the server wants two)
    expect(callsTo("instagram-get-conversations").some((c) => c.query.get("q") === "m")).toBe(
      false,
    );
  });

  it("keeps only the rows in view in the DOM, however many conversations there are", async () => {
    const many = Array.from({ length: 10_000 }, () => fakeConversation({ unread_count: 0 }));
    renderInbox({ conversations: many });
    const rows = within(await list()).getAllByRole("option");
    // a 600 px viewport of 52 px rows, and a few beyond it either side
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
  });

  it("keeps the open conversation open when a refetch leaves it out of the filtered list", async () => {
    const conversation = fakeConversation({ unread_count: 1 });
    const { user } = renderInbox({
      conversations: [conversation],
      path: `/messages?unread=1&conversation=${conversation.id}`,
    });
    const name = `Conversation with @${conversation.contact.username}`;
    await screen.findByRole("region", { name });
    await waitFor(() => expect(callsTo("conversation-triage")).toHaveLength(1));
    // another list and back: "Unread" is refetched, without the conversation just read
    const filters = screen.getByRole("group", { name: "Filters" });
    await user.click(within(filters).getByRole("button", { name: "Priority" }));
    await user.click(within(filters).getByRole("button", { name: "Priority" }));
    await screen.findByText("No conversations match these filters.");
    expect(screen.getByRole("region", { name })).toBeTruthy();
  });

  it("says when nothing matches, and when nothing came in yet", async () => {
    const { user } = renderInbox({ conversations: [] });
    expect(await screen.findByText("No conversations yet.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Unread" }));
    expect(await screen.findByText("No conversations match these filters.")).toBeTruthy();
  });

  it("shows an error with a way to try again", async () => {
    renderInbox({
      extra: { "instagram-get-conversations": () => fail(500, "internal", "Database unavailable") },
    });
    expect((await screen.findByRole("alert")).textContent).toContain("Database unavailable");
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });

  it("moves through conversations with the arrow keys and opens one with Enter", async () => {
    const [a, b] = [fakeConversation({ unread_count: 0 }), fakeConversation({ unread_count: 0 })];
    const { user, router } = renderInbox({ conversations: [a!, b!] });
    const listbox = await list();
    listbox.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(listbox.getAttribute("aria-activedescendant")).toBe(`conversation-option-${b!.id}`);
    await user.keyboard("{ArrowUp}{Enter}");
    await waitFor(() => expect(router.state.location.search).toBe(`?conversation=${a!.id}`));
    expect(await screen.findByRole("region", { name: `Conversation with @${a!.contact.username}` }))
      .toBeTruthy();
    // opened with Enter: the reply box has the focus; Escape there hands it back to the list
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Message")));
    await user.keyboard("{Escape}");
    await waitFor(() => expect(document.activeElement).toBe(listbox));
    expect(listbox.getAttribute("aria-activedescendant")).toBe(`conversation-option-${a!.id}`);
  });

  it("leaves a conversation unread for the team while this tab is in the background", async () => {
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    const conversation = fakeConversation({ unread_count: 2 });
    renderInbox({
      conversations: [conversation],
      path: `/messages?conversation=${conversation.id}`,
    });
    await screen.findByRole("region", {
      name: `Conversation with @${conversation.contact.username}`,
    });
    await screen.findByText("First");
    expect(callsTo("conversation-triage")).toHaveLength(0);

    visibility.mockReturnValue("visible");
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    await waitFor(() =>
      expect(callsTo("conversation-triage")[0]?.body).toEqual({
        action: "mark_read",
        conversation_id: conversation.id,
      })
    );
    visibility.mockRestore();
  });

  it("keeps the arrow keys on their conversation when a new DM moves the rows below it", async () => {
    const conversations = [
      fakeConversation({ unread_count: 0 }),
      fakeConversation({ unread_count: 0 }),
    ];
    const b = conversations[1];
    const { user, router } = renderInbox({ conversations });
    const listbox = await list();
    listbox.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(listbox.getAttribute("aria-activedescendant")).toBe(`conversation-option-${b!.id}`);

    // someone new writes: their conversation comes first, and every row below moves down one
    const newcomer = fakeConversation({ unread_count: 1 });
    conversations.unshift(newcomer);
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    expect(await within(listbox).findByRole("option", { name: `@${newcomer.contact.username}` }))
      .toBeTruthy();
    expect(listbox.getAttribute("aria-activedescendant")).toBe(`conversation-option-${b!.id}`);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(router.state.location.search).toBe(`?conversation=${b!.id}`));
    act(() => focusManager.setFocused(undefined));
  });
});

describe("Messages › a conversation (on a phone)", () => {
  beforeEach(() => {
    isWide = false;
    sessionStorage.clear();
  });

  it("opens with the history oldest first and marks the conversation read", async () => {
    const conversation = fakeConversation({ unread_count: 2 });
    const { user } = renderInbox({ conversations: [conversation] });
    await user.click(
      within(await list()).getByRole("option", { name: `@${conversation.contact.username}` }),
    );

    const log = await screen.findByRole("log", { name: "Message history" });
    await within(log).findByText("First");
    expect(within(log).getAllByRole("article").map((a) => a.textContent)).toEqual([
      expect.stringContaining("First"),
      expect.stringContaining("Second"),
    ]);
    await waitFor(() =>
      expect(callsTo("conversation-triage")[0]?.body).toEqual({
        action: "mark_read",
        conversation_id: conversation.id,
      })
    );
    await waitFor(() => expect(document.title).toBe("Messages · DM Desk"));
    // one panel at a time: back to the list, where the badge is gone
    await user.click(screen.getByRole("button", { name: "Back to conversations" }));
    const row = within(await list()).getByRole("option", {
      name: `@${conversation.contact.username}`,
    });
    expect(within(row).queryByLabelText("2 unread")).toBeNull();
  });

  it("shows a reply at once as sending, then as sent", async () => {
    let answer: (value: unknown) => void = () => {};
    const conversation = fakeConversation({ unread_count: 0 });
    const { user } = renderInbox({
      conversations: [conversation],
      path: `/messages?conversation=${conversation.id}`,
      extra: {
        "instagram-send-message": ({ body }) => {
          const input = body as { client_message_id: string; text: string };
          return new Promise((resolve) => (answer = resolve)).then(() =>
            ok({
              message: fakeMessage({
                conversation_id: conversation.id,
                direction: "outbound",
                text: input.text,
                status: "sent",
                author: { kind: "user", user_id: ME, display_name: "Casey Coach" },
              }),
              replayed: false,
            })
          );
        },
      },
    });
    await screen.findByText("First");
    await user.type(screen.getByLabelText("Message"), "Yes, it is!{Enter}");
    const log = screen.getByRole("log", { name: "Message history" });
    const sending = await within(log).findByRole("article", { name: "Sent message" });
    expect(sending.dataset.status).toBe("pending");
    expect(within(sending).getByText("Sending…")).toBeTruthy();
    expect((screen.getByLabelText("Message") as HTMLTextAreaElement).value).toBe("");
    expect(callsTo("instagram-send-message")[0]?.body).toMatchObject({
      conversation_id: conversation.id,
      text: "Yes, it is!",
    });

    answer(undefined);
    await waitFor(() =>
      expect(within(log).getByRole("article", { name: "Sent message" }).dataset.status).toBe("sent")
    );
    expect(within(log).getByText("You")).toBeTruthy();
  });

  it("keeps a refused reply as failed, says why, and retries it under the same key", async () => {
    const conversation = fakeConversation({ unread_count: 0 });
    const { user } = renderInbox({
      conversations: [conversation],
      path: `/messages?conversation=${conversation.id}`,
      extra: {
        "instagram-send-message": failsOnceThenSends(
          conversation,
          () => fail(429, "rate_limited", "Too many", { details: { retry_after_ms: 2000 } }),
        ),
      },
    });
    await screen.findByText("First");
    await user.type(screen.getByLabelText("Message"), "Hello there{Enter}");
    const log = screen.getByRole("log", { name: "Message history" });
    await waitFor(() =>
      expect(within(log).getByRole("article", { name: "Sent message" }).dataset.status).toBe(
        "failed",
      )
    );
    const reason = "Instagram is limiting messages from this account. Try again in 2 s.";
    expect(within(log).getByText(`Not sent: ${reason}`)).toBeTruthy();
    expect(await screen.findByText(`Not sent: ${reason}`, { selector: "[data-title]" }))
      .toBeTruthy();

    await user.click(within(log).getByRole("button", { name: "Retry" }));
    await waitFor(() =>
      expect(within(log).getByRole("article", { name: "Sent message" }).dataset.status).toBe("sent")
    );
    const [first, second] = callsTo("instagram-send-message");
    expect((second?.body as { client_message_id: string }).client_message_id).toBe(
      (first?.body as { client_message_id: string }).client_message_id,
    );
  });

  it("retries a failed Bluesky reply without emptying the reply being written", async () => {
    const bluesky = fakeAccount({
      id: "00000000-0000-4000-8000-0000000000e1",
      platform: "bluesky",
      username: "northwind.bsky.social",
    });
    const conversation = fakeConversation({
      unread_count: 0,
      platform: "bluesky",
      channel_account_id: bluesky.id,
    });
    const { user } = renderInbox({
      conversations: [conversation],
      accounts: [account, bluesky],
      path: `/messages?channel=bluesky&conversation=${conversation.id}`,
      extra: {
        "bluesky-send-message": failsOnceThenSends(
          conversation,
          () => fail(502, "bluesky_unavailable", "Bluesky did not answer"),
        ),
      },
    });
    await screen.findByText("First");
    const box = screen.getByLabelText("Message") as HTMLTextAreaElement;
    await user.type(box, "Hello there{Enter}");
    const log = screen.getByRole("log", { name: "Message history" });
    const retry = await within(log).findByRole("button", { name: "Retry" });

    await user.type(box, "And one more thing");
    await user.click(retry);
    await waitFor(() => expect(callsTo("bluesky-send-message")).toHaveLength(2));
    const [first, second] = callsTo("bluesky-send-message");
    expect(second?.body).toEqual(first?.body);
    expect(box.value).toBe("And one more thing");
  });

  it("disables the composer with the reason once the 24-hour window has closed", async () => {
    const conversation = fakeConversation({ unread_count: 0 }, 30 * HOUR);
    renderInbox({
      conversations: [conversation],
      path: `/messages?conversation=${conversation.id}`,
    });
    const box = await screen.findByLabelText("Message");
    expect(box.hasAttribute("disabled")).toBe(true);
    expect(screen.getByText(/The 24-hour reply window has closed/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Closed – waiting for their reply" })).toBeTruthy();
  });

  it("fills the composer from a template, rendered by the server for this conversation", async () => {
    const conversation = fakeConversation({ unread_count: 0 });
    const template = {
      id: "00000000-0000-4000-8000-0000000000c1",
      imo_id: WORKSPACE_ID,
      name: "Greeting",
      content: "Hi {{first_name}}!",
      category: "greeting",
      use_count: 0,
      created_by: null,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      deleted_at: null,
    };
    const { user } = renderInbox({
      conversations: [conversation],
      path: `/messages?conversation=${conversation.id}`,
      extra: {
        "message-templates": () => ok({ templates: [template] }),
        "message-templates/render": () => ok({ text: "Hi Maya!" }),
      },
    });
    const toolbar = await screen.findByRole("toolbar", { name: "Conversation actions" });
    await user.click(within(toolbar).getByRole("button", { name: "Templates" }));
    await user.click(await screen.findByRole("menuitem", { name: /Greeting/ }));
    const box = screen.getByLabelText("Message") as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe("Hi Maya!"));
    expect(callsTo("message-templates/render")[0]?.body).toEqual({
      template_id: template.id,
      conversation_id: conversation.id,
    });

    // what was written stays: the template goes in at the caret, which ends up after it
    await user.clear(box);
    await user.type(box, "Quick note. Talk soon");
    box.setSelectionRange("Quick note.".length, "Quick note.".length);
    await user.click(within(toolbar).getByRole("button", { name: "Templates" }));
    await user.click(await screen.findByRole("menuitem", { name: /Greeting/ }));
    await waitFor(() => expect(box.value).toBe("Quick note. Hi Maya! Talk soon"));
    expect(document.activeElement).toBe(box);
    expect(box.selectionStart).toBe("Quick note. Hi Maya!".length);
  });

  it("goes in and out of a conversation with the keyboard alone, back to the row it left", async () => {
    const [a, b, c] = [1, 2, 3].map(() => fakeConversation({ unread_count: 0 }));
    const { user } = renderInbox({ conversations: [a!, b!, c!] });
    (await list()).focus();
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    const box = await screen.findByLabelText("Message");
    await waitFor(() => expect(document.activeElement).toBe(box));
    await user.keyboard("Still there?");

    // Escape in the reply box (or the Back button) brings the list back, on b's row
    await user.keyboard("{Escape}");
    const listbox = await list();
    await waitFor(() => expect(document.activeElement).toBe(listbox));
    expect(listbox.getAttribute("aria-activedescendant")).toBe(`conversation-option-${b!.id}`);
    await user.keyboard("{ArrowDown}{Enter}");
    await screen.findByRole("region", { name: `Conversation with @${c!.contact.username}` });
    await user.click(screen.getByRole("button", { name: "Back to conversations" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("listbox")));
    expect(screen.getByRole("listbox").getAttribute("aria-activedescendant"))
      .toBe(`conversation-option-${c!.id}`);

    // a tap opens without popping the keyboard up
    await user.click(within(await list()).getByRole("option", { name: `@${b!.contact.username}` }));
    expect((await screen.findByLabelText("Message") as HTMLTextAreaElement).value)
      .toBe("Still there?");
    expect(document.activeElement).not.toBe(screen.getByLabelText("Message"));
  });

  it("keeps an unsent reply per conversation, through another conversation and a send", async () => {
    const maya = fakeConversation({ unread_count: 0 });
    const jonas = fakeConversation({ unread_count: 0 });
    const { user } = renderInbox({
      conversations: [maya, jonas],
      extra: {
        "instagram-send-message": () =>
          ok({ message: fakeMessage({ conversation_id: maya.id, direction: "outbound" }) }),
      },
    });
    const open = async (conversation: InboxConversation) => {
      await user.click(
        within(await list()).getByRole("option", { name: `@${conversation.contact.username}` }),
      );
      return await screen.findByLabelText("Message") as HTMLTextAreaElement;
    };
    const back = () => user.click(screen.getByRole("button", { name: "Back to conversations" }));

    await user.type(await open(maya), "Are you licensed in Ohio?");
    await back();
    expect((await open(jonas)).value).toBe("");
    await back();
    const box = await open(maya);
    expect(box.value).toBe("Are you licensed in Ohio?");

    await user.type(box, "{Enter}");
    await waitFor(() => expect(callsTo("instagram-send-message")).toHaveLength(1));
    await back();
    expect((await open(maya)).value).toBe("");
  });

  it("toggles priority and assigns from the actions bar", async () => {
    const conversation = fakeConversation({ unread_count: 0 });
    const { user } = renderInbox({
      conversations: [conversation],
      path: `/messages?conversation=${conversation.id}`,
    });
    const toolbar = await screen.findByRole("toolbar", { name: "Conversation actions" });
    await user.click(within(toolbar).getByRole("button", { name: "Priority" }));
    await waitFor(() =>
      expect(within(toolbar).getByRole("button", { name: "Priority" }).getAttribute("aria-pressed"))
        .toBe("true")
    );
    expect(callsTo("conversation-triage").at(-1)?.body).toEqual({
      action: "set_priority",
      conversation_id: conversation.id,
      is_priority: true,
    });

    await user.click(within(toolbar).getByRole("button", { name: "Assign" }));
    await user.click(await screen.findByRole("menuitem", { name: "Riley" }));
    await waitFor(() =>
      expect(callsTo("conversation-triage").at(-1)?.body).toEqual({
        action: "assign",
        conversation_id: conversation.id,
        user_id: "00000000-0000-4000-8000-0000000000b2",
      })
    );
  });
});

describe("Messages › archive (on a phone)", () => {
  beforeEach(() => void (isWide = false));

  it("archives from the actions bar: it leaves the inbox, and the Archived filter finds it again", async () => {
    const conversation = fakeConversation({ unread_count: 0 });
    const { user, router } = renderInbox({
      conversations: [conversation],
      path: `/messages?conversation=${conversation.id}`,
    });
    const toolbar = await screen.findByRole("toolbar", { name: "Conversation actions" });
    await user.click(within(toolbar).getByRole("button", { name: "Archive" }));
    await within(toolbar).findByRole("button", { name: "Unarchive" });
    expect(callsTo("conversation-triage").at(-1)?.body).toEqual({
      action: "archive",
      conversation_id: conversation.id,
      archived: true,
    });
    expect(await screen.findByText("Conversation archived")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Back to conversations" }));
    expect(await screen.findByText("No conversations yet.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Archived" }));
    const row = await within(await list()).findByRole("option", {
      name: `@${conversation.contact.username}`,
    });
    expect(callsTo("instagram-get-conversations").at(-1)?.query.get("archived")).toBe("true");
    expect(router.state.location.search).toBe("?archived=1");

    await user.click(row);
    const reopened = await screen.findByRole("toolbar", { name: "Conversation actions" });
    await user.click(within(reopened).getByRole("button", { name: "Unarchive" }));
    await within(reopened).findByRole("button", { name: "Archive" });
    expect(callsTo("conversation-triage").at(-1)?.body).toMatchObject({ archived: false });
    await user.click(screen.getByRole("button", { name: "Back to conversations" }));
    expect(await screen.findByText("No archived conversations.")).toBeTruthy();
  });

  it("undoes an archive from its toast", async () => {
    const conversation = fakeConversation({ unread_count: 0 });
    const { user } = renderInbox({
      conversations: [conversation],
      path: `/messages?conversation=${conversation.id}`,
    });
    const toolbar = await screen.findByRole("toolbar", { name: "Conversation actions" });
    await user.click(within(toolbar).getByRole("button", { name: "Archive" }));
    await user.click(await screen.findByRole("button", { name: "Undo" }));
    await within(toolbar).findByRole("button", { name: "Archive" });
    expect(callsTo("conversation-triage").map((call) => call.body)).toEqual([
      { action: "archive", conversation_id: conversation.id, archived: true },
      { action: "archive", conversation_id: conversation.id, archived: false },
    ]);
  });
});

describe("Messages › before the inbox", () => {
  beforeEach(() => void (isWide = true));

  it("prompts to upgrade on a plan without Instagram messaging", async () => {
    renderInbox({
      workspace: fakeWorkspace({ plan_code: "free", plan_name: "Free", features: {} }),
    });
    expect(await screen.findByRole("heading", { name: "Instagram DMs are part of the Team plan" }))
      .toBeTruthy();
    expect(screen.getByRole("link", { name: "Upgrade in Settings › Plan" }).getAttribute("href"))
      .toBe("/settings/plan");
    expect(callsTo("instagram-get-conversations")).toHaveLength(0);
  });

  it("offers to connect an account when none is", async () => {
    renderInbox({ accounts: [] });
    expect(await screen.findByRole("heading", { name: "Connect an Instagram account" }))
      .toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to Settings › Channels" }).getAttribute("href"))
      .toBe("/settings");
  });
});
