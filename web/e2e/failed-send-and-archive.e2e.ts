import assert from "node:assert/strict";
import { launchBrowser, screenshot, signInAs } from "../../scripts/testing/browser.ts";
import { sandbox } from "../../scripts/testing/meta-sandbox-client.ts";
import { sandboxThread, sentFrom } from "../../scripts/testing/send-fixture.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { createWorkspace } from "../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "in Chromium: a reply Meta refuses shows why with Retry, and Retry sends it once; an archived conversation leaves the inbox and comes back live when the lead writes",
  options,
  async () => {
    const workspace = await createWorkspace({
      plan: "team",
      role: "recruiter",
      label: "e2e-retry",
    });
    const thread = await sandboxThread(workspace, { minutesAgo: 5 });
    const { username } = await sandbox<{ username: string }>(`leads/${thread.leadId}`);

    const web = await startWebServer();
    const browser = await launchBrowser();
    try {
      const page = await signInAs(browser, web.url, workspace, {
        viewport: { width: 1440, height: 900 },
      });
      const list = page.getByRole("listbox", { name: "Conversations" });
      const row = list.getByRole("option", { name: `@${username}` });
      await row.click();
      const view = page.getByRole("region", { name: `Conversation with @${username}` });
      await view.getByText("Hi, is the recruiter role still open?").waitFor();

      // Meta answers the next send with a 500: the reply stays, failed, with Meta's reason.
      await sandbox("faults", {
        target: "graph",
        kind: "http_500",
        match: `/${thread.account.igAccountId}/messages`,
      });
      const reply = `Can you start Monday? ${crypto.randomUUID().slice(0, 6)}`;
      await view.getByRole("textbox", { name: "Message" }).fill(reply);
      await view.getByRole("button", { name: "Send" }).click();
      const bubble = view.getByRole("article", { name: "Sent message" }).filter({ hasText: reply });
      await bubble.and(page.locator('[data-status="failed"]')).waitFor();
      await bubble.getByText(/^Not sent: An unknown error occurred/).waitFor();
      await screenshot(page, "failed-send-01-retry-1440");
      assert.equal(
        (await sentFrom(thread.account)).filter((r) => r.body.message?.text === reply).length,
        0,
        "the refused call is not a send",
      );

      await bubble.getByRole("button", { name: "Retry" }).click();
      await bubble.and(page.locator('[data-status="sent"]')).waitFor();
      await bubble.getByRole("button", { name: "Retry" }).waitFor({ state: "detached" });
      const sends = (await sentFrom(thread.account)).filter((r) => r.body.message?.text === reply);
      assert.deepEqual(sends.map((r) => r.outcome.ok), [true], "sent once, on Retry");
      assert.equal(await view.getByRole("article").filter({ hasText: reply }).count(), 1);

      // Archive: out of the inbox, into the Archived filter.
      await view.getByRole("toolbar", { name: "Conversation actions" })
        .getByRole("button", { name: "Archive", exact: true }).click();
      await page.getByText("Conversation archived").waitFor();
      await row.waitFor({ state: "detached" });
      await view.getByRole("button", { name: "Unarchive", exact: true }).waitFor();
      const filters = page.getByRole("group", { name: "Filters" });
      await filters.getByRole("button", { name: "Archived" }).click();
      await row.waitFor();
      await screenshot(page, "archive-01-archived-filter-1440");
      await filters.getByRole("button", { name: "Archived" }).click();
      await row.waitFor({ state: "detached" });

      // The lead writes again: the conversation is back in the inbox, without a reload.
      const again = `Still there? ${crypto.randomUUID().slice(0, 6)}`;
      await sandbox(`leads/${thread.leadId}/messages`, {
        account: thread.account.igAccountId,
        text: again,
      });
      await row.getByText(again).waitFor({ timeout: 10_000 });
      await view.getByRole("button", { name: "Archive", exact: true }).waitFor();
      const [stored] = await workspace.sql<{ archived_at: Date | null }[]>`
        select archived_at from public.conversations where id = ${thread.conversationId}`;
      assert.equal(stored?.archived_at, null);
      await screenshot(page, "archive-02-back-in-inbox-1440");
    } finally {
      await browser.close();
      await web.stop();
      await workspace.close();
    }
  },
);
