/**
 * For end-to-end tests of the Messages page: the contact's name as the inbox lists it, and
 * opening their conversation the way a person does.
 */
import type { Page } from "playwright-core";
import { eventually } from "./eventually.ts";
import type { Workspace } from "./workspace.ts";

/** The contact's username once ingestion's profile fetch has stored it. */
export function contactUsername(workspace: Workspace, conversationId: string) {
  return eventually(
    async () => {
      const [row] = await workspace.sql<{ username: string | null }[]>`
        select k.username from public.conversations c join public.contacts k on k.id = c.contact_id
        where c.id = ${conversationId}`;
      return row?.username;
    },
    "the contact's profile was fetched",
    15_000,
  );
}

/** Clicks the contact's row in the inbox; the conversation's region. */
export async function openConversation(page: Page, username: string) {
  await page.getByRole("listbox", { name: "Conversations" })
    .getByRole("option", { name: `@${username}` }).click();
  return page.getByRole("region", { name: `Conversation with @${username}` });
}
