import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import postgres from "postgres";
import { launchBrowser, screenshot, signInAs } from "../../scripts/testing/browser.ts";
import { createSandboxAccount, sandboxUrl } from "../../scripts/testing/meta-sandbox-client.ts";
import { consentThroughBrowser } from "../../scripts/testing/oauth-browser.ts";
import { platformEnv, signedInClient } from "../../scripts/testing/platform-env.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/**
 * The platform's callback sends the browser back to APP_URL (config.toml's site_url), but this
 * test's SPA runs on a random port. Playwright cannot intercept the hops of a redirect chain
 * (only its first request reaches page.route), and the chain here is
 *   consent form POST → 302 callback → 302 APP_URL/settings?connection=…
 * so the test intercepts the consent form's POST, follows both redirects itself, reads the
 * callback's Location and answers the POST with a redirect to the same path and query on the
 * test server. The sandbox and the callback run unchanged; only the final origin is swapped.
 */
async function sendCallbackToTestServer(page: Page, webUrl: string) {
  const appUrl = Deno.env.get("APP_URL") ?? "http://127.0.0.1:5173";
  const callbackPrefix = `${platformEnv().url}/functions/v1/instagram-oauth-callback`;
  const landings: URL[] = [];
  const problems: unknown[] = [];

  await page.route(
    (url) => url.href.startsWith(`${sandboxUrl()}/www.instagram.com/oauth/authorize`),
    async (route) => {
      if (route.request().method() !== "POST") return await route.continue();
      try {
        const consent = await route.fetch({ maxRedirects: 0 });
        const callbackUrl = consent.headers()["location"] ?? "";
        assert.equal(consent.status(), 302, "the sandbox redirects to our callback");
        assert.ok(callbackUrl.startsWith(callbackPrefix), `callback URL ${callbackUrl}`);

        const callback = await fetch(callbackUrl, { redirect: "manual" });
        await callback.body?.cancel();
        assert.equal(callback.status, 302, "the callback redirects back to the app");
        const landing = new URL(callback.headers.get("location") ?? "");
        assert.equal(landing.origin, new URL(appUrl).origin, "the callback stays on APP_URL");
        landings.push(landing);
        await route.fulfill({
          status: 302,
          headers: { location: `${webUrl}${landing.pathname}${landing.search}` },
        });
      } catch (error) {
        problems.push(error);
        await route.abort();
      }
    },
  );
  return { landings, problems };
}

Deno.test(
  "in Chromium: an owner connects Instagram from Settings through Meta's consent page",
  options,
  async () => {
    const { databaseUrl } = platformEnv();
    const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    // A real user from /auth/v1 (its password is needed to sign in through the UI), made the
    // owner of a fresh workspace on the Team plan, as scripts/testing/workspace.ts does.
    const member = await signedInClient("e2e-connect");
    const slug = `e2e-${crypto.randomUUID().slice(0, 8)}`;
    const [imo] = await sql<{ id: string }[]>`
      insert into public.imos (name, slug) values (${`Northwind ${slug}`}, ${slug}) returning id`;
    const imoId = imo!.id;
    await sql`insert into public.imo_members (imo_id, user_id, role)
              values (${imoId}, ${member.user.id}, 'owner')`;
    await sql`insert into public.imo_subscriptions (imo_id, plan_code) values (${imoId}, 'team')`;
    // A second workspace (later in name order, so not the default) where they only recruit.
    const [other] = await sql<{ id: string }[]>`
      insert into public.imos (name, slug) values (${`Zephyr ${slug}`}, ${`${slug}-z`}) returning id`;
    const otherId = other!.id;
    await sql`insert into public.imo_members (imo_id, user_id, role)
              values (${otherId}, ${member.user.id}, 'recruiter')`;
    await sql`insert into public.imo_subscriptions (imo_id, plan_code) values (${otherId}, 'free')`;
    const username = `recruit.e2e.${crypto.randomUUID().slice(0, 6)}`;
    const account = await createSandboxAccount({ username, loginPath: "instagram_login" });

    const web = await startWebServer();
    const browser = await launchBrowser();
    try {
      const page = await signInAs(browser, web.url, member, {
        viewport: { width: 1280, height: 800 },
        redirectTo: "/settings",
      });
      const redirects = await sendCallbackToTestServer(page, web.url);
      await page.getByText("No accounts connected yet").waitFor();
      await page.getByText(`Northwind ${slug} · Team plan`).waitFor();
      await screenshot(page, "connect-01-settings-empty");

      await page.getByRole("button", { name: "Connect Instagram" }).click();
      await page.waitForURL((url) => url.href.startsWith(sandboxUrl()));
      await page.getByRole("heading", { name: "Log in with Instagram" }).waitFor();
      // Other tests add sandbox accounts in parallel, so there is usually a chooser.
      const chooser = page.getByLabel("Continue as");
      if (await chooser.count()) await chooser.selectOption(account.igAccountId);
      else await page.getByText(`@${username}`).waitFor();
      await screenshot(page, "connect-02-consent");

      await page.getByRole("button", { name: "Approve" }).click();
      // the callback parks the consent; the SPA, signed in as the starter, confirms it
      await page.getByText("Account connected").waitFor();
      assert.deepEqual(redirects.problems, []);
      assert.equal(redirects.landings.length, 1);
      assert.equal(redirects.landings[0]!.pathname, "/settings");
      assert.ok(redirects.landings[0]!.searchParams.has("connection"));

      await page.getByText(`Instagram connected: @${username}`).waitFor();
      const row = page.getByRole("listitem", { name: `@${username}` });
      await row.getByText("Connected", { exact: true }).waitFor();
      // Long-lived Instagram tokens last 60 days (expires_in 5183944 s, just under).
      await row.getByText("Token expires in 59 days").waitFor();
      // The return parameters are gone from the address bar, without a new history entry.
      await page.waitForURL(`${web.url}/settings`);
      await screenshot(page, "connect-03-connected");

      const stored = () =>
        sql<{ status: string; username: string }[]>`
          select status, username from public.channel_accounts
          where imo_id = ${imoId} and external_account_id = ${account.igAccountId}`;
      assert.deepEqual({ ...(await stored())[0] }, { status: "connected", username });

      // Disconnecting asks first, explains that history stays, and the row flips in place.
      await row.getByRole("button", { name: `Disconnect @${username}` }).click();
      const dialog = page.getByRole("alertdialog", { name: `Disconnect @${username}?` });
      await dialog.getByText("Conversations and message history are kept.", { exact: false })
        .waitFor();
      await screenshot(page, "connect-04-disconnect-dialog");
      await dialog.getByRole("button", { name: "Disconnect", exact: true }).click();
      await row.getByText("Disconnected just now. History is kept.").waitFor();
      assert.equal((await stored())[0]!.status, "disconnected");
      await screenshot(page, "connect-05-disconnected");

      // A consent started in another sign-in (another browser, or a link someone sent) that
      // lands in this browser is refused, and connects nothing.
      const elsewhere = await consentThroughBrowser(
        { imoId, accessToken: member.session.access_token },
        {
          authPath: "instagram_login",
          decision: "approve",
          account: account.igAccountId,
          returnTo: "/settings",
        },
      );
      await page.goto(`${web.url}${elsewhere.landing!.pathname}${elsewhere.landing!.search}`);
      await page.getByText("Couldn't connect the account").waitFor();
      await page.getByText("This connection was started by someone else or in another browser")
        .waitFor();
      await screenshot(page, "connect-06-refused-elsewhere");
      assert.equal((await stored())[0]!.status, "disconnected");

      // The rail's switcher moves to the other workspace, where the plan and role gate connect.
      await page.getByRole("button", { name: /Switch workspace/ }).click();
      await page.getByRole("menuitemradio", { name: /Zephyr/ }).waitFor();
      await screenshot(page, "connect-07-workspace-menu");
      await page.getByRole("menuitemradio", { name: /Zephyr/ }).click();
      await page.getByText("Instagram messaging is part of the Team plan").waitFor();
      assert.ok(await page.getByRole("button", { name: "Connect Instagram" }).isDisabled());
      await page.getByText("Only workspace owners and admins can connect or disconnect accounts.")
        .waitFor();
      await screenshot(page, "connect-08-free-plan-recruiter");
    } finally {
      await browser.close();
      await web.stop();
      await sql`delete from public.imos where id in ${sql([imoId, otherId])}`;
      await sql`delete from auth.users where id = ${member.user.id}`;
      await sql.end();
    }
  },
);
