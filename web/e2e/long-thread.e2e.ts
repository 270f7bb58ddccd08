import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { launchBrowser, signInAs } from "../../scripts/testing/browser.ts";
import { openConversation } from "../../scripts/testing/inbox-browser.ts";
import { addChannelAccount, addMessage, addThread } from "../../scripts/testing/inbox-fixture.ts";
import { uniqueSuffix } from "../../scripts/testing/tenants.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { createWorkspace } from "../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const MINUTE = 60_000;
const SIZES = [
  { name: "1440", viewport: { width: 1440, height: 900 }, isPhone: false },
  { name: "375", viewport: { width: 375, height: 812 }, isPhone: true },
] as const;

/** How far the history is scrolled from its end, once the rows are measured and it has settled. */
async function distanceFromEnd(page: Page): Promise<number> {
  const log = page.getByRole("log", { name: "Message history" });
  await log.getByText("the newest one", { exact: false }).waitFor();
  await page.waitForTimeout(600);
  return await log.evaluate((element) =>
    Math.round(element.scrollHeight - element.scrollTop - element.clientHeight)
  );
}

Deno.test(
  "in Chromium: a long thread opens on its newest message, first time and again, at 1440 and 375 px",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", role: "owner", label: "e2e-long" });
    const accountId = await addChannelAccount(workspace);
    const long = `long.${uniqueSuffix()}`;
    const other = `other.${uniqueSuffix()}`;
    const { conversationId } = await addThread(workspace, accountId, {
      username: long,
      text: "Hello",
      hoursAgo: 3,
    });
    // 70 messages of very different heights, so the list's estimates are wrong everywhere
    for (let i = 1; i <= 70; i++) {
      await addMessage(workspace, conversationId, {
        text: i % 7 === 0
          ? `Message ${i}: ${"about the licensing exam and the schedule. ".repeat(12)}`
          : `Message ${i}`,
        at: new Date(Date.now() - (80 - i) * MINUTE),
      });
    }
    await addMessage(workspace, conversationId, { text: "This is the newest one", at: new Date() });
    await addThread(workspace, accountId, { username: other, text: "Hi there", hoursAgo: 1 });

    const web = await startWebServer();
    const browser = await launchBrowser();
    try {
      for (const size of SIZES) {
        const page = await signInAs(browser, web.url, workspace, { viewport: size.viewport });
        await openConversation(page, long);
        const first = await distanceFromEnd(page);
        assert.ok(first < 48, `${size.name}: opened ${first} px above the newest message`);

        if (size.isPhone) await page.getByRole("button", { name: "Back to conversations" }).click();
        await openConversation(page, other);
        await page.getByRole("log", { name: "Message history" }).getByText("Hi there").waitFor();
        if (size.isPhone) await page.getByRole("button", { name: "Back to conversations" }).click();
        await openConversation(page, long);
        const again = await distanceFromEnd(page);
        assert.ok(again < 48, `${size.name}: reopened ${again} px above the newest message`);
        await page.context().close();
      }
    } finally {
      await browser.close();
      await web.stop();
      await workspace.close();
    }
  },
);
