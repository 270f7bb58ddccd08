import assert from "node:assert/strict";
import { launchBrowser, screenshot, signInAs } from "../../scripts/testing/browser.ts";
import { eventually } from "../../scripts/testing/eventually.ts";
import { sandbox } from "../../scripts/testing/meta-sandbox-client.ts";
import { sandboxThread, sentFrom } from "../../scripts/testing/send-fixture.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { createWorkspace } from "../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

Deno.test(
  "in Chromium, supervised: a lead asks about pay, the AI's draft appears (goal 2 s), a recruiter edits and sends it as 'AI, edited by you'",
  options,
  async () => {
    // An IMO whose conversations start supervised; a lead wrote 5 minutes ago through the sandbox.
    const workspace = await createWorkspace({ plan: "team", role: "admin", label: "e2e-ai" });
    await workspace.sql`insert into public.ai_settings (imo_id, default_mode)
      values (${workspace.imoId}, 'supervised')`;
    const thread = await sandboxThread(workspace, { minutesAgo: 5 });
    const username = await eventually(
      async () => {
        const [row] = await workspace.sql<{ username: string | null }[]>`
        select k.username from public.conversations c join public.contacts k on k.id = c.contact_id
        where c.id = ${thread.conversationId}`;
        return row?.username ?? undefined;
      },
      "the contact's profile was fetched",
      15_000,
    );

    const web = await startWebServer();
    const browser = await launchBrowser();
    try {
      const page = await signInAs(browser, web.url, workspace, {
        viewport: DESKTOP,
        redirectTo: "/messages",
      });

      await page.getByRole("listbox", { name: "Conversations" })
        .getByRole("option", { name: `@${username}` }).click();
      const view = page.getByRole("region", { name: `Conversation with @${username}` });
      const panel = view.getByRole("region", { name: "AI assistant" });
      // the first DM ("is the role still open?") is already analysed: a candidate, qualifying
      await panel.getByText("Candidate").waitFor();
      await panel.getByRole("combobox", { name: "AI mode" }).filter({ hasText: "Supervised" })
        .waitFor();

      // The lead asks about pay while the conversation is open.
      const question = `How much does it pay? Is it commission only? ${
        crypto.randomUUID().slice(0, 4)
      }`;
      const askedAt = performance.now();
      await sandbox(`leads/${thread.leadId}/messages`, {
        account: thread.account.igAccountId,
        text: question,
      });
      const draft = view.getByRole("region", { name: "AI draft" });
      await draft.getByText(/commission/i).waitFor({ timeout: 10_000 });
      const latency = Math.round(performance.now() - askedAt);
      console.log(
        `DM to AI draft on screen (sandbox send → draft visible in Chromium): ${latency} ms`,
      );
      // the goal is 2 s (printed above; the lead measures it on an idle machine); two cores shared
      // with the rest of the suite get slack, as the inbox's DM-to-screen check has
      assert.ok(latency < 5_000, `the draft took ${latency} ms to appear (goal: 2 s)`);
      await panel.getByText(/Pay question \d+%/).waitFor();
      assert.equal((await sentFrom(thread.account)).length, 0, "nothing sent without a person");
      await screenshot(page, "ai-01-draft-1440");

      // The details: what the AI read, the stage and its history.
      await panel.getByRole("button", { expanded: false }).click();
      await view.getByRole("list", { name: "Stage history" }).getByText(
        /New → Qualifying by the AI/,
      )
        .waitFor();
      await screenshot(page, "ai-02-details-1440");

      // The recruiter edits the draft and sends it.
      await draft.getByRole("button", { name: "Edit" }).click();
      const edited =
        `It's commission with no cap, plus free leads and training. Are you licensed? ${
          crypto.randomUUID().slice(0, 4)
        }`;
      await draft.getByRole("textbox", { name: "Edit the AI's draft" }).fill(edited);
      await draft.getByRole("button", { name: "Send edited" }).click();
      const sent = view.getByRole("article", { name: "Sent message" }).filter({ hasText: edited });
      await sent.and(page.locator('[data-status="sent"]')).waitFor();
      await sent.getByText("AI, edited by you", { exact: true }).waitFor();
      await draft.waitFor({ state: "detached" });
      const records = await sentFrom(thread.account);
      assert.deepEqual(records.map((r) => [r.body.message?.text, r.tag, r.outcome.ok]), [
        [edited, undefined, true],
      ]);
      const [stored] = await workspace.sql<
        { author_kind: string; ai_review: string; author_user_id: string }[]
      >`
        select author_kind::text, ai_review, author_user_id from public.messages
        where conversation_id = ${thread.conversationId} and text = ${edited}`;
      assert.deepEqual({ ...stored }, {
        author_kind: "ai",
        ai_review: "edited",
        author_user_id: workspace.userId,
      });
      await screenshot(page, "ai-03-sent-edited-1440");

      // A deal from the conversation: saved, listed in the panel with its provenance.
      await view.getByRole("button", { name: "Create deal" }).click();
      const dealForm = view.getByRole("form", { name: "New deal" });
      await dealForm.getByRole("textbox", { name: "Title" }).fill("Agent onboarding");
      await dealForm.getByRole("textbox", { name: "Amount" }).fill("250");
      await dealForm.getByRole("button", { name: "Save deal" }).click();
      await view.getByRole("list", { name: "Deals" }).getByText("Agent onboarding").waitFor();
      await panel.getByText("1 deal").waitFor();
      const [deal] = await workspace.sql<{ amount: string; provenance: string }[]>`
        select amount::text, provenance from public.deals
        where conversation_id = ${thread.conversationId}`;
      assert.deepEqual({ ...deal }, { amount: "250.00", provenance: "ai" });

      // The category filter keeps the candidate; spam shows nothing.
      await page.getByRole("combobox", { name: "Category" }).selectOption("spam");
      await page.getByRole("listbox", { name: "Conversations" })
        .getByRole("option", { name: `@${username}` }).waitFor({ state: "detached" });
      await page.getByRole("combobox", { name: "Category" }).selectOption("candidate");
      await page.getByRole("listbox", { name: "Conversations" })
        .getByRole("option", { name: `@${username}` }).getByText("Candidate").waitFor();

      // Dark mode and a phone.
      await page.emulateMedia({ colorScheme: "dark" });
      await screenshot(page, "ai-04-dark-1440");
      await page.emulateMedia({ colorScheme: "light" });
      await page.setViewportSize(PHONE);
      await view.getByRole("region", { name: "AI assistant" }).waitFor();
      await screenshot(page, "ai-05-conversation-375");

      // Settings › AI.
      await page.setViewportSize(DESKTOP);
      await page.goto(`${web.url}/settings/ai`);
      await page.getByRole("heading", { name: "AI assistant" }).waitFor();
      await page.getByText(/Provider: offline/).waitFor();
      // the connected account starts its new conversations on autopilot, whatever the IMO says
      await page.getByRole("combobox", { name: /^Default AI mode for @/ }).selectOption(
        "autopilot",
      );
      await page.getByText(/default mode saved/).waitFor();
      const [account] = await workspace.sql<{ ai_default_mode: string }[]>`
        select ai_default_mode::text from public.channel_accounts
        where id = ${thread.account.accountId}`;
      assert.equal(account!.ai_default_mode, "autopilot");
      await screenshot(page, "ai-06-settings-1440");
    } finally {
      await browser.close();
      await web.stop();
      await workspace.close();
    }
  },
);
