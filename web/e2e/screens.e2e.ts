import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  launchBrowser,
  SCREEN_SIZES as SIZES,
  screenshotBoth,
  signInAs,
} from "../../scripts/testing/browser.ts";
import { sandbox } from "../../scripts/testing/meta-sandbox-client.ts";
import { sandboxThread } from "../../scripts/testing/send-fixture.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { callFunction, createWorkspace } from "../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
/**
 * Nothing wider or taller than the window (the panes scroll, the document does not), and on a
 * phone the page gets all of its width.
 */
async function assertFits(page: Page, size: (typeof SIZES)[number], screen: string) {
  const fit = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    mainWidth: document.querySelector("main")?.getBoundingClientRect().width ?? 0,
  }));
  const { width, height } = size.viewport;
  assert.ok(fit.width <= width, `${screen} at ${size.name}: ${fit.width} px wide`);
  assert.ok(fit.height <= height, `${screen} at ${size.name}: ${fit.height} px tall`);
  if (size.isPhone) {
    assert.equal(Math.round(fit.mainWidth), width, `${screen}: the nav takes no width`);
  }
}

Deno.test(
  "in Chromium: each main screen at 1440×900 and 375×812, light and dark (sign in, Messages, Leads, Settings with its Templates, the upgrade prompt)",
  options,
  async () => {
    const team = await createWorkspace({ plan: "team", role: "owner", label: "e2e-screens" });
    const free = await createWorkspace({ plan: "free", role: "owner", label: "e2e-screens-free" });
    const thread = await sandboxThread(team, { minutesAgo: 30 });
    const { username } = await sandbox<{ username: string }>(`leads/${thread.leadId}`);
    const lead = await callFunction(team, "recruiting-leads", {
      body: {
        imo_id: team.imoId,
        first_name: "Maya",
        last_name: "Okafor",
        email: "maya@example.com",
        phone: "+14155550123",
        conversation_id: thread.conversationId,
      },
    });
    assert.equal(lead.status, 201, await lead.text());

    const web = await startWebServer();
    const browser = await launchBrowser();
    try {
      for (const size of SIZES) {
        const page = await signInAs(browser, web.url, team, {
          viewport: size.viewport,
          onSignInScreen: (page) => screenshotBoth(page, `screens-01-sign-in-${size.name}`),
        });

        const list = page.getByRole("listbox", { name: "Conversations" });
        const option = list.getByRole("option", { name: `@${username}` });
        const view = page.getByRole("region", { name: `Conversation with @${username}` });
        if (size.isPhone) await option.click();
        else {
          // the keyboard alone: arrows through the list, Enter opens, Escape closes a menu
          await option.waitFor();
          await list.focus();
          await page.keyboard.press("ArrowDown");
          await page.keyboard.press("Enter");
          const assign = view.getByRole("button", { name: "Assign" });
          await assign.focus();
          await page.keyboard.press("Enter");
          await page.getByRole("menu").waitFor();
          await page.keyboard.press("Escape");
          await page.getByRole("menu").waitFor({ state: "detached" });
          assert.ok(await assign.evaluate((button) => button === document.activeElement));
        }
        await view.getByText("Hi, is the recruiter role still open?").waitFor();
        if (size.isPhone) assert.equal(await list.count(), 0, "one panel at a time");
        else assert.equal(await list.count(), 1, "the list beside the conversation");
        await assertFits(page, size, "Messages");
        await screenshotBoth(page, `screens-02-messages-${size.name}`);

        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leads" })
          .click();
        await page.getByRole("row", { name: "Maya Okafor" }).getByText("Instagram DM").waitFor();
        await assertFits(page, size, "Leads");
        await screenshotBoth(page, `screens-03-leads-${size.name}`);

        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })
          .click();
        await page.getByText("inbox.account").first().waitFor();
        await assertFits(page, size, "Settings › Channels");
        await screenshotBoth(page, `screens-04-settings-channels-${size.name}`);
        const settingsTabs = page.getByRole("navigation", { name: "Settings" });
        // every section's tab in sight, none scrolled off the edge of a phone
        const tabEnds = await settingsTabs.getByRole("link").evaluateAll((links) =>
          links.map((link) => Math.round(link.getBoundingClientRect().right))
        );
        assert.ok(
          tabEnds.length >= 6 && tabEnds.every((end) => end <= size.viewport.width),
          `Settings tabs at ${size.name} end at ${tabEnds.join(", ")} px`,
        );
        await settingsTabs.getByRole("link", { name: "Members" }).click();
        await page.getByText(team.email).first().waitFor();
        await assertFits(page, size, "Settings › Members");
        await screenshotBoth(page, `screens-04-settings-members-${size.name}`);
        await settingsTabs.getByRole("link", { name: "Templates" }).click();
        await page.getByText("No templates yet").waitFor();
        await page.getByRole("button", { name: "New template" }).first().click();
        await page.getByRole("dialog").getByLabel("Name").waitFor();
        await assertFits(page, size, "Settings › Templates, a new template");
        await screenshotBoth(page, `screens-04-settings-templates-${size.name}`);
        await page.keyboard.press("Escape");
        await settingsTabs.getByRole("link", { name: "Plan" }).click();
        await page.getByRole("heading", { name: "Team" }).first().waitFor();
        await assertFits(page, size, "Settings › Plan");
        await screenshotBoth(page, `screens-04-settings-plan-${size.name}`);
        await page.context().close();

        // A Free-plan user sees what Instagram DMs take, and the way to the plans.
        const freePage = await signInAs(browser, web.url, free, { viewport: size.viewport });
        await freePage.getByRole("heading", { name: "Instagram DMs are part of the Team plan" })
          .waitFor();
        await freePage.getByText("This workspace is on the Free plan.").waitFor();
        await assertFits(freePage, size, "the upgrade prompt");
        await screenshotBoth(freePage, `screens-05-upgrade-prompt-${size.name}`);
        await freePage.getByRole("link", { name: "Upgrade in Settings › Plan" }).click();
        await freePage.waitForURL(/\/settings\/plan$/);
        await freePage.context().close();
      }
    } finally {
      await browser.close();
      await web.stop();
      await Promise.all([team.close(), free.close()]);
    }
  },
);
