import assert from "node:assert/strict";
import { launchBrowser, screenshot, signInOnPage } from "../../scripts/testing/browser.ts";
import { contactUsername, openConversation } from "../../scripts/testing/inbox-browser.ts";
import { sandbox } from "../../scripts/testing/meta-sandbox-client.ts";
import { leadWrites, sandboxThread, sentFrom } from "../../scripts/testing/send-fixture.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { createWorkspace } from "../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

Deno.test(
  "in Chromium: a recruiter reads a lead's DM, replies, is stopped by a closed window, creates a lead",
  options,
  async () => {
    // A member (recruiter) of a Team IMO with a connected sandbox account: one lead wrote 5
    // minutes ago (window open), another 25 hours ago (closed, no Human Agent feature).
    const workspace = await createWorkspace({
      plan: "team",
      role: "recruiter",
      label: "e2e-inbox",
    });
    const open = await sandboxThread(workspace, { minutesAgo: 5 });
    const closed = await leadWrites(workspace, open.account, 25 * 60);
    const openName = await contactUsername(workspace, open.conversationId);
    const closedName = await contactUsername(workspace, closed.conversationId);

    // The SPA as deployed: the DM's latency below is the product's, not React's development
    // build's (several times slower, and past the slack below on a busy machine).
    const web = await startWebServer({ production: true });
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: DESKTOP });
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      await signInOnPage(page, web.url, workspace);

      // Both conversations, unread, the open one with a green dot; the tab counts them.
      const list = page.getByRole("listbox", { name: "Conversations" });
      await list.getByRole("option", { name: `@${closedName}` }).waitFor();
      const openRow = list.getByRole("option", { name: `@${openName}` });
      await openRow.getByLabel("1 unread").waitFor();
      await openRow.getByTitle(/^Open – 23 h left$/).waitFor();
      assert.equal(await page.title(), "(2) Messages · DM Desk");
      await screenshot(page, "messages-01-inbox-1440");

      // Opening reads it: the badge goes and the history shows the DM.
      const view = await openConversation(page, openName);
      await view.getByText("Hi, is the recruiter role still open?").waitFor();
      await view.getByRole("button", { name: /^Open – 23 h left$/ }).waitFor();
      await openRow.getByLabel("1 unread").waitFor({ state: "detached" });
      await page.waitForFunction(() => document.title === "(1) Messages · DM Desk");

      // A reply goes out through the Send API and shows as sent.
      const reply = `Yes! Are you free for a call? ${crypto.randomUUID().slice(0, 6)}`;
      await view.getByRole("textbox", { name: "Message" }).fill(reply);
      await view.getByRole("button", { name: "Send" }).click();
      const sent = view.getByRole("article", { name: "Sent message" }).filter({ hasText: reply });
      await sent.and(page.locator('[data-status="sent"]')).waitFor();
      await sent.getByText("You", { exact: true }).waitFor();
      const records = await sentFrom(open.account);
      assert.ok(
        records.some((record) => record.body.message?.text === reply && record.outcome.ok),
        "the sandbox's Send API received the reply",
      );
      // The lead writes again while the conversation is open: Realtime brings it, no reload.
      const live = `Great, what time works? ${crypto.randomUUID().slice(0, 6)}`;
      const sentAt = performance.now();
      await sandbox(`leads/${open.leadId}/messages`, {
        account: open.account.igAccountId,
        text: live,
      });
      await view.getByRole("article", { name: "Received message" }).filter({ hasText: live })
        .waitFor({ timeout: 10_000 });
      const latency = Math.round(performance.now() - sentAt);
      console.log(`DM to screen (sandbox send → visible in Chromium): ${latency} ms`);
      // the goal is 1 s; two cores shared with the rest of the suite get some slack
      assert.ok(latency < 3_000, `the DM took ${latency} ms to show`);
      await screenshot(page, "messages-02-conversation-1440");

      // In the closed window the composer says why it cannot send.
      const closedView = await openConversation(page, closedName);
      await closedView.getByRole("button", { name: "Closed – waiting for their reply" }).waitFor();
      await closedView.getByText(/The 24-hour reply window has closed/).waitFor();
      assert.ok(await closedView.getByRole("textbox", { name: "Message" }).isDisabled());
      assert.ok(await closedView.getByRole("button", { name: "Send" }).isDisabled());
      await closedView.getByRole("button", { name: "Closed – waiting for their reply" }).hover();
      await page.getByRole("tooltip").getByText(/24 hours after the person's last message/)
        .first().waitFor();
      await screenshot(page, "messages-03-window-closed-1440");

      // A lead from the open conversation, prefilled from the contact.
      const leadView = await openConversation(page, openName);
      await leadView.getByRole("button", { name: "Create lead" }).click();
      const dialog = page.getByRole("dialog", { name: "Create a lead" });
      await dialog.getByText(`From @${openName}'s conversation.`, { exact: false }).waitFor();
      const firstName = dialog.getByLabel("First name");
      if (!(await firstName.inputValue())) await firstName.fill("Maya");
      await dialog.getByLabel("Email").fill(`${openName}@example.com`);
      await dialog.getByLabel("Phone").fill("+1 415 555 0123");
      await screenshot(page, "messages-04-create-lead-1440");
      await dialog.getByRole("button", { name: "Create lead" }).click();
      await dialog.waitFor({ state: "detached" });
      await list.getByRole("option", { name: `@${openName}` }).getByText("Lead", { exact: true })
        .waitFor();

      await page.getByRole("link", { name: "Leads" }).click();
      const leadRow = page.getByRole("row").filter({ hasText: `@${openName}` });
      await leadRow.getByText("Instagram DM").waitFor();
      const [stored] = await workspace.sql<{ lead_source: string; conversation_id: string }[]>`
        select lead_source::text, conversation_id from public.recruiting_leads
        where imo_id = ${workspace.imoId}`;
      assert.deepEqual({ ...stored }, {
        lead_source: "instagram_dm",
        conversation_id: open.conversationId,
      });
      await screenshot(page, "messages-05-leads-1440");

      // A recruiter moves the lead along the pipeline from its row.
      const patched = page.waitForResponse((response) =>
        response.url().includes("/recruiting-leads") && response.request().method() === "PATCH"
      );
      await leadRow.getByRole("combobox", { name: /^Status of / }).selectOption("Contacted");
      assert.equal((await patched).status(), 200);
      const [moved] = await workspace.sql<{ status: string }[]>`
        select status::text from public.recruiting_leads where imo_id = ${workspace.imoId}`;
      assert.equal(moved?.status, "contacted");

      // Back to the conversation from the lead.
      await leadRow.getByRole("link", { name: "Conversation" }).click();
      await page.getByRole("region", { name: `Conversation with @${openName}` }).waitFor();

      // Dark mode follows the system.
      await page.emulateMedia({ colorScheme: "dark" });
      await page.getByRole("region", { name: `Conversation with @${openName}` })
        .getByText(reply).waitFor();
      await screenshot(page, "messages-06-conversation-dark-1440");
      await page.emulateMedia({ colorScheme: "light" });

      // A phone: one panel at a time, with a way back.
      await page.setViewportSize(PHONE);
      await page.goto(`${web.url}/messages`);
      await list.getByRole("option", { name: `@${openName}` }).waitFor();
      await screenshot(page, "messages-07-inbox-375");
      const phoneView = await openConversation(page, openName);
      await phoneView.getByText(reply).waitFor();
      assert.equal(await list.count(), 0, "the list gives way to the conversation");
      await screenshot(page, "messages-08-conversation-375");
      await phoneView.getByRole("button", { name: "Back to conversations" }).click();
      await list.waitFor();
      await page.getByRole("link", { name: "Leads" }).click();
      const phoneRow = page.getByRole("row").filter({ hasText: `@${openName}` });
      await phoneRow.waitFor();
      // a card per lead: its status, contact details and conversation all within the phone's width
      for (
        const part of [
          phoneRow.getByRole("combobox", { name: /^Status of / }),
          phoneRow.getByText(`${openName}@example.com`),
          phoneRow.getByRole("link", { name: "Conversation" }),
        ]
      ) {
        const box = await part.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, JSON.stringify(box));
      }
      assert.equal(
        await phoneRow.getByRole("combobox", { name: /^Status of / }).inputValue(),
        "contacted",
      );
      await screenshot(page, "messages-09-leads-375");
    } finally {
      await browser.close();
      await web.stop();
      await workspace.close();
    }
  },
);
