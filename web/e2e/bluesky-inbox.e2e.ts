import type { AppBskyFeedDefs } from "@atproto/api";
import assert from "node:assert/strict";
import { pollNow } from "../../scripts/testing/bluesky-account.ts";
import {
  blueskyEnv,
  createBlueskyUser,
  postAs,
  processAll,
} from "../../scripts/testing/bluesky-network.ts";
import { launchBrowser, screenshot, signInAs } from "../../scripts/testing/browser.ts";
import { eventually } from "../../scripts/testing/eventually.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { createWorkspace } from "../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

Deno.test(
  "in Chromium: connect Bluesky, a mention shows under All channels, a recruiter replies in the thread",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", role: "admin", label: "e2e-bsky" });
    const account = await createBlueskyUser("northwind");
    const candidate = await createBlueskyUser("casey");
    const web = await startWebServer();
    const browser = await launchBrowser();
    try {
      const page = await signInAs(browser, web.url, workspace, {
        viewport: DESKTOP,
        redirectTo: "/settings",
      });

      // Settings › Channels: the form warns about the main password before anything is typed
      await page.getByRole("button", { name: "Connect Bluesky" }).click();
      const form = page.getByRole("form", { name: "Connect Bluesky" });
      await form.getByText(/never your main Bluesky password/).waitFor();
      await form.getByLabel("Handle").fill(account.handle);
      await form.getByLabel("App password").fill(account.appPassword);
      await form.getByLabel("Server").fill(blueskyEnv().pdsUrl);
      await screenshot(page, "bluesky-01-connect-1440");
      await form.getByRole("button", { name: "Connect" }).click();
      await page.getByText(`@${account.handle} is connected.`).waitFor();
      await page.getByRole("listitem", { name: `@${account.handle}` }).waitFor();

      const mention = await postAs(
        candidate,
        `@${account.handle} are you hiring in Ohio? 👋 https://example.com/me`,
      );
      await processAll();
      const [row] = await workspace.sql<{ id: string }[]>`
        select id from public.channel_accounts where imo_id = ${workspace.imoId}`;
      // the cron polls every minute; "now" keeps the test short
      await pollNow(workspace, row!.id);
      // the person replying is a recruiter
      await workspace.sql`update public.imo_members set role = 'recruiter'
        where imo_id = ${workspace.imoId} and user_id = ${workspace.userId}`;

      await page.goto(`${web.url}/messages`);
      await page.getByRole("tab", { name: "All channels" }).click();
      const list = page.getByRole("listbox", { name: "Conversations" });
      const option = list.getByRole("option", { name: `@${candidate.handle}` });
      await option.getByText("Bluesky mentions and replies").waitFor();
      await screenshot(page, "bluesky-02-all-channels-1440");
      await option.click();
      const view = page.getByRole("region", { name: `Conversation with @${candidate.handle}` });
      await view.getByText("are you hiring in Ohio?", { exact: false }).waitFor();
      await view.getByText("Public reply on Bluesky").waitFor();

      const reply = `Yes! 🎉 @${candidate.handle} tell me more ${crypto.randomUUID().slice(0, 4)}`;
      await view.getByRole("textbox", { name: "Public reply" }).fill(reply);
      await view.getByRole("button", { name: "Reply" }).click();
      await view.getByRole("article", { name: "Sent message" }).filter({ hasText: reply })
        .getByText("Sent", { exact: true }).waitFor();
      await screenshot(page, "bluesky-03-replied-1440");

      // the reply is in the thread on the AppView, under the mention, with the same root
      await processAll();
      const thread = await eventually(async () => {
        const { data } = await candidate.agent.getPostThread({ uri: mention.uri, depth: 2 });
        const root = data.thread as AppBskyFeedDefs.ThreadViewPost;
        return root.replies?.length ? root : undefined;
      }, "our reply indexed under the mention");
      const ours = thread.replies![0] as AppBskyFeedDefs.ThreadViewPost;
      assert.equal(ours.post.author.did, account.did);
      assert.equal((ours.post.record as { text: string }).text, reply);
      assert.equal(
        (ours.post.record as { reply: { root: { uri: string } } }).reply.root.uri,
        mention.uri,
      );

      // at 375 px the list and the conversation take turns
      await page.setViewportSize(PHONE);
      await page.goto(`${web.url}/messages?channel=bluesky`);
      await page.getByRole("listbox", { name: "Conversations" })
        .getByRole("option", { name: `@${candidate.handle}` }).waitFor();
      await screenshot(page, "bluesky-04-list-375");
    } finally {
      await browser.close();
      await web.stop();
      await workspace.close();
    }
  },
);
