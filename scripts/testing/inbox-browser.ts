/**
 * For end-to-end tests of the Messages page: the contact's name as the inbox lists it, and
 * opening their conversation the way a person does.
 */
import type { Page } from "playwright-core";
import { openFirstPage } from "./browser.ts";
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

/** Signs the workspace's member in through the sign-in page, landing on Messages. */
export async function signInToMessages(
  page: Page,
  webUrl: string,
  workspace: Pick<Workspace, "email" | "password">,
) {
  await openFirstPage(page, `${webUrl}/sign-in?redirectTo=%2Fmessages`);
  await page.getByRole("button", { name: "Sign in" }).waitFor({ timeout: 120_000 });
  await page.getByLabel("Email").fill(workspace.email);
  await page.getByLabel("Password").fill(workspace.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
