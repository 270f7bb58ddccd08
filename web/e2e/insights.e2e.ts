import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { launchBrowser, screenshot, signInAs } from "../../scripts/testing/browser.ts";
import { connectSandboxAccount } from "../../scripts/testing/connected-account.ts";
import { addMessage, addThread } from "../../scripts/testing/inbox-fixture.ts";
import { sandbox } from "../../scripts/testing/meta-sandbox-client.ts";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { createWorkspace } from "../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const SIZES = [
  { name: "1440", viewport: { width: 1440, height: 900 } },
  { name: "375", viewport: { width: 375, height: 812 } },
];
const HOUR = 3_600_000;

async function screenshotBoth(page: Page, name: string) {
  await screenshot(page, name);
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

async function assertNoSideways(page: Page, width: number, screen: string) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${screen} at ${width}: ${scrollWidth} px wide`);
}

Deno.test(
  "in Chromium: the command center and the insights charts at 1440×900 and 375×812, light and dark",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "owner", label: "e2e-insights" });
    try {
      const account = await connectSandboxAccount(ws);
      // DMs: one answered after 12 minutes, one waiting
      const answered = await addThread(ws, account.accountId, {
        username: "maya.okafor",
        hoursAgo: 2,
      });
      await addMessage(ws, answered.conversationId, {
        text: "Thanks, sending my resume",
        authorUserId: ws.userId,
        at: new Date(Date.now() - 2 * HOUR + 12 * 60_000),
      });
      const waiting = await addThread(ws, account.accountId, { username: "li.chen", hoursAgo: 1 });
      await ws.sql`update public.conversations set ai_category = 'candidate'
        where id in (${answered.conversationId}, ${waiting.conversationId})`;
      // four hourly syncs, the followers growing between them
      const { url, serviceRoleKey } = platformEnv();
      const lastEnd = Math.floor(Date.now() / HOUR) * HOUR;
      for (let i = 3; i >= 0; i--) {
        await sandbox(`accounts/${account.igAccountId}/insights`, { followersCount: 1500 - i * 4 });
        const response = await fetch(`${url}/functions/v1/insights`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${serviceRoleKey}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({
            at: new Date(lastEnd - i * HOUR + 5 * 60_000).toISOString(),
            channel_account_id: account.accountId,
          }),
        });
        assert.equal(response.status, 200, await response.text());
      }

      const web = await startWebServer();
      const browser = await launchBrowser();
      try {
        for (const size of SIZES) {
          const page = await signInAs(browser, web.url, ws, {
            viewport: size.viewport,
            redirectTo: "/home",
          });
          const today = page.getByText("DMs today");
          await today.waitFor();
          await page.getByText("Conversations by AI category").waitFor();
          await page.locator(".recharts-surface").first().waitFor();
          await assertNoSideways(page, size.viewport.width, "command center");
          await screenshotBoth(page, `insights-01-command-center-${size.name}`);

          await page.getByRole("link", { name: "Insights", exact: true }).click();
          await page.getByRole("figure", { name: /^Reach/ }).waitFor();
          await page.getByRole("figure", { name: /^Followers/ }).waitFor();
          await page.getByTestId("last-sync").getByText(/Last sync/).waitFor();
          // three hourly charts, drawn by Recharts
          assert.equal(await page.locator(".recharts-area").count(), 3);
          await assertNoSideways(page, size.viewport.width, "insights");
          await screenshotBoth(page, `insights-02-charts-${size.name}`);

          await page.getByRole("button", { name: "Sync now" }).click();
          await page.getByText(/Insights synced|Synced; Meta/).waitFor();

          await page.goto(`${web.url}/settings/health`);
          await page.getByRole("article", { name: /health$/ }).waitFor();
          await assertNoSideways(page, size.viewport.width, "health");
          await screenshotBoth(page, `insights-03-health-${size.name}`);
          await page.context().close();
        }
      } finally {
        await browser.close();
        await web.stop();
      }
    } finally {
      await ws.close();
    }
  },
);
