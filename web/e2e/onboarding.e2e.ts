import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import postgres from "postgres";
import { launchBrowser, openFirstPage, screenshot } from "../../scripts/testing/browser.ts";
import { platformEnv, uniqueEmail } from "../../scripts/testing/platform-env.ts";
import { startWebServer } from "../../scripts/testing/web-server.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** A browser of its own per person; waits are generous because two cores run the whole suite. */
async function personPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(30_000);
  return await context.newPage();
}

async function signUp(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

Deno.test(
  "in Chromium: sign up, create an IMO, invite a colleague who signs up and joins; Free → Team opens Channels",
  options,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
    const web = await startWebServer();
    const browser = await launchBrowser();
    const ownerEmail = uniqueEmail("e2e-owner");
    const inviteeEmail = uniqueEmail("e2e-invitee");
    const password = `pw-${crypto.randomUUID().slice(0, 12)}`;
    const imoName = `Acme ${crypto.randomUUID().slice(0, 6)}`;
    const pages: Page[] = [];
    try {
      // The owner: a brand-new sign-up starts their workspace.
      const owner = await personPage(browser, { width: 1280, height: 800 });
      pages.push(owner);
      await openFirstPage(owner, `${web.url}/sign-up`);
      await signUp(owner, ownerEmail, password);
      await owner.getByText("You are not in a workspace yet").waitFor();
      await screenshot(owner, "onboarding-01-no-workspace");
      await owner.getByLabel("Workspace name").fill(imoName);
      await owner.getByRole("button", { name: "Create workspace" }).click();
      await owner.getByRole("heading", { name: "Messages" }).waitFor();
      await owner.getByText("Instagram DMs are part of the Team plan").waitFor();

      // Settings › Members: invite by email, copy the link.
      await owner.goto(`${web.url}/settings/members`);
      await owner.getByRole("listitem", { name: ownerEmail }).getByText("Owner", { exact: true })
        .waitFor();
      await owner.getByRole("button", { name: "Invite member" }).click();
      const dialog = owner.getByRole("dialog", { name: "Invite a member" });
      await dialog.getByLabel("Email").fill(inviteeEmail);
      await dialog.getByRole("combobox", { name: "Role" }).click();
      await owner.getByRole("option", { name: /Admin/ }).click();
      await dialog.getByRole("button", { name: "Create invitation link" }).click();
      const linkField = owner.getByRole("dialog", { name: "Send this invitation link" })
        .getByLabel("Invitation link", { exact: true });
      await linkField.waitFor();
      const link = await linkField.inputValue();
      assert.match(link, new RegExp(`^${web.url}/invite/[A-Za-z0-9_-]{43}$`));
      await screenshot(owner, "onboarding-02-invitation-link");
      await owner.getByRole("button", { name: "Done" }).click();
      await owner.getByRole("listitem", { name: inviteeEmail }).getByText("Expires in 6 days")
        .waitFor();

      // The invitee, on a phone-sized screen: the link asks them to sign in; they sign up instead
      // and come back to the invitation.
      const invitee = await personPage(browser, { width: 375, height: 812 });
      pages.push(invitee);
      await invitee.goto(link);
      await invitee.waitForURL(/\/sign-in\?redirectTo=/);
      await invitee.getByRole("link", { name: "Create an account" }).click();
      // the sign-in form has the same fields: fill only once sign-up has replaced it
      await invitee.getByRole("heading", { name: "Create your account" }).waitFor();
      await signUp(invitee, inviteeEmail, password);
      await invitee.getByText(`You're invited to join ${imoName} as an Admin.`).waitFor();
      await screenshot(invitee, "onboarding-03-invitation-375px");
      await invitee.getByRole("button", { name: `Join ${imoName}` }).click();
      await invitee.getByRole("heading", { name: "Messages" }).waitFor();
      await invitee.getByText("Instagram DMs are part of the Team plan").waitFor();
      assert.match(invitee.url(), /\/messages$/);
      await screenshot(invitee, "onboarding-04-invitee-inbox-375px");
      const [joined] = await sql`
        select m.role from public.imo_members m join auth.users u on u.id = m.user_id
        join public.imos i on i.id = m.imo_id where u.email = ${inviteeEmail} and i.name = ${imoName}`;
      assert.equal(joined?.role, "admin");
      // the link was single-use
      await invitee.goto(link);
      await invitee.getByText("You're already a member of").waitFor();
      // as an admin they see the members, and may not touch the owner
      await invitee.goto(`${web.url}/settings/members`);
      const ownerRow = invitee.getByRole("listitem", { name: ownerEmail });
      await ownerRow.getByText("Owner", { exact: true }).waitFor();
      assert.equal(await ownerRow.getByRole("button", { name: /Actions for/ }).count(), 0);
      await screenshot(invitee, "onboarding-05-members-375px");

      // The owner sees them in the list; the invitation is gone.
      await owner.reload();
      await owner.getByRole("listitem", { name: inviteeEmail }).getByText("Admin", { exact: true })
        .waitFor();
      await owner.getByText("No pending invitations.").waitFor();

      // Free → Team: the upgrade prompt on Channels leads to Plan; the switch opens Channels.
      await owner.goto(`${web.url}/settings`);
      await owner.getByText("Instagram messaging is part of the Team plan").waitFor();
      assert.ok(await owner.getByRole("button", { name: "Connect Instagram" }).isDisabled());
      await owner.getByRole("link", { name: "Compare plans and upgrade" }).click();
      await owner.waitForURL(/\/settings\/plan$/);
      await owner.getByRole("article", { name: "Free plan" }).getByText("Current").waitFor();
      await screenshot(owner, "onboarding-06-plans");
      await owner.getByRole("article", { name: "Team plan" })
        .getByRole("button", { name: "Switch to Team" }).click();
      await owner.getByText("This workspace is now on Team").waitFor();
      await owner.getByRole("article", { name: "Team plan" }).getByText("Current").waitFor();
      await owner.getByRole("link", { name: "Channels" }).click();
      await owner.getByText(`${imoName} · Team plan`).waitFor();
      assert.equal(
        await owner.getByText("Instagram messaging is part of the Team plan").count(),
        0,
      );
      assert.ok(await owner.getByRole("button", { name: "Connect Instagram" }).isEnabled());
      await screenshot(owner, "onboarding-07-team-channels");
      const [recorded] = await sql`
        select c.from_plan_code, c.to_plan_code, u.email from public.imo_plan_changes c
        join public.imos i on i.id = c.imo_id join auth.users u on u.id = c.changed_by
        where i.name = ${imoName}`;
      assert.deepEqual({ ...recorded }, {
        from_plan_code: "free",
        to_plan_code: "team",
        email: ownerEmail,
      });
    } catch (error) {
      // what each person saw when it failed
      for (const [i, page] of pages.entries()) {
        await screenshot(page, `onboarding-failed-${i}`).catch(() => {});
        console.error(`page ${i} at ${page.url()}`);
      }
      throw error;
    } finally {
      await browser.close();
      await web.stop();
      await sql`delete from public.imos where name = ${imoName}`;
      await sql`delete from auth.users where email in ${sql([ownerEmail, inviteeEmail])}`;
      await sql.end();
    }
  },
);
