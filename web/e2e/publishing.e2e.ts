import assert from "node:assert/strict";
import {
  launchBrowser,
  SCREEN_SIZES,
  screenshotBoth,
  signInAs,
} from "../../scripts/testing/browser.ts";
import { connectSandboxAccount } from "../../scripts/testing/connected-account.ts";
import { sandboxUrl } from "../../scripts/testing/meta-sandbox-client.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";
import { callFunction, createWorkspace, type Workspace } from "../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** A post made through the function, then published (or refused), for the list below the composer. */
async function postThrough(workspace: Workspace, accountId: string, caption: string, url: string) {
  const created = await callFunction(workspace, "publishing/posts", {
    body: { channel_account_id: accountId, caption, media: [{ url, alt_text: "Our office" }] },
  });
  const { publication } = await created.json();
  const published = await callFunction(workspace, `publishing/posts/${publication.id}/publish`, {
    body: {},
  });
  await published.body?.cancel();
}

Deno.test(
  "in Chromium: the Publishing composer with its preview at 1440×900 and 375×812, light and dark",
  options,
  async () => {
    const team = await createWorkspace({ plan: "team", role: "owner", label: "e2e-publishing" });
    const account = await connectSandboxAccount(team);
    const photo = `${sandboxUrl()}/_sandbox/media/office.jpg`;
    await postThrough(team, account.accountId, "Open day on Friday! #hiring", photo);
    await postThrough(team, account.accountId, "Deal of the Day", "http://127.0.0.1:9/gone.jpg");

    const web = await startWebServer();
    const browser = await launchBrowser();
    try {
      for (const size of SCREEN_SIZES) {
        const page = await signInAs(browser, web.url, team, { viewport: size.viewport });
        await page.getByRole("navigation", { name: "Main" })
          .getByRole("link", { name: "Publishing" }).click();
        await page.getByRole("heading", { name: "Publishing" }).waitFor();

        // the list: the published post links to Instagram, the failed one says why
        await page.getByRole("link", { name: "View post" }).first().waitFor();
        await page.getByText(/Didn't go out: Instagram could not fetch an image/).waitFor();

        // choose the account by keyboard: Bluesky is not connected, and says so
        const toggle = page.getByRole("checkbox", { name: /@inbox\.account/ });
        await toggle.focus();
        await page.keyboard.press("Space");
        assert.ok(await toggle.isChecked());
        await page.getByText("Bluesky: not connected").waitFor();
        const preview = page.getByRole("article", { name: "Instagram preview for @inbox.account" });
        await preview.waitFor();

        const publishNow = page.getByRole("button", { name: "Publish now" }).first();
        assert.ok(await publishNow.isDisabled(), "no image yet: Instagram needs one");
        await page.getByLabel("Caption").fill(
          "Open day on Friday! Come meet the team #hiring #austin",
        );
        await page.getByText("# 2/30").waitFor();
        await page.getByRole("button", { name: "Add image by address" }).click();
        await page.getByLabel("Image 1 address").fill(photo);
        await page.getByLabel("Image 1 alt text").fill("Our office on a sunny day");
        await page.getByRole("button", { name: "Add image by address" }).click();
        await page.getByLabel("Image 2 address").fill(photo);
        await preview.getByText("1/2").waitFor();
        assert.ok(await publishNow.isEnabled(), "a carousel of two can go out");

        const fit = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          // what sticks out, to say where
          over: [...document.querySelectorAll("body *")]
            .filter((element) => element.getBoundingClientRect().right > innerWidth + 1)
            .slice(0, 5)
            .map((element) =>
              `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120)
            ),
        }));
        assert.ok(
          fit.width <= size.viewport.width,
          `Publishing at ${size.name}: ${fit.width} px wide (${fit.over.join(" | ")})`,
        );
        await screenshotBoth(page, `publishing-01-composer-${size.name}`);
        await preview.scrollIntoViewIfNeeded();
        await screenshotBoth(page, `publishing-02-preview-${size.name}`);
        await page.context().close();
      }
    } finally {
      await browser.close();
      await web.stop();
      await team.close();
    }
  },
);
