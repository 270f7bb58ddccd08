import assert from "node:assert/strict";
import { launchBrowser, openFirstPage, screenshot } from "../../scripts/testing/browser.ts";
import { uniqueEmail } from "../../scripts/testing/platform-env.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "in Chromium: sign up, land in Messages, sign out, sign back in, a wrong password is explained",
  options,
  async () => {
    const web = await startWebServer();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const email = uniqueEmail("e2e");
      const password = `pw-${crypto.randomUUID().slice(0, 12)}`;

      await openFirstPage(page, `${web.url}/messages`);
      await page.waitForURL(/\/sign-in/);
      await screenshot(page, "01-sign-in");

      await page.goto(`${web.url}/sign-up`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Create account" }).click();
      // A brand-new account belongs to no workspace until an admin invites it.
      await page.getByText("You are not in a workspace yet").waitFor({ timeout: 15_000 });
      assert.match(page.url(), /\/messages$/);
      await screenshot(page, "02-messages-empty");

      // The session is the one the local /auth/v1 issued, kept by supabase-js in localStorage.
      const stored = await page.evaluate(() =>
        Object.keys(localStorage).find((key) => key.endsWith("-auth-token"))
      );
      assert.ok(stored, "supabase-js stored the session");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/sign-in/);

      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("definitely-wrong");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("Invalid login credentials").waitFor({ timeout: 10_000 });
      await screenshot(page, "03-wrong-password");

      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("You are not in a workspace yet").waitFor({ timeout: 10_000 });
    } finally {
      await browser.close();
      await web.stop();
    }
  },
);
