import assert from "node:assert/strict";
import { createSandboxAccount, sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import {
  connectThroughBrowser,
  finishOnLanding,
  landFromCallback,
} from "../../../scripts/testing/oauth-browser.ts";
import {
  callFunction,
  createWorkspace,
  type Workspace,
} from "../../../scripts/testing/workspace.ts";
import { DEMO_FACEBOOK } from "../../../scripts/meta-sandbox/seed.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "Facebook Login writes the Page and its linked Instagram account in one connect",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "fb-both" });
    try {
      const account = await createSandboxAccount({
        username: `page.ig.${crypto.randomUUID().slice(0, 6)}`,
        loginPath: "facebook_login",
        withPage: true,
      });
      const flow = await connectThroughBrowser(workspace, {
        authPath: "facebook_login",
        decision: "approve",
        account: account.igAccountId,
      });
      assert.match(flow.dialogUrl.pathname, /\/www\.facebook\.com\/v\d+\.\d+\/dialog\/oauth$/);
      assert.equal(flow.outcome, "connected", flow.landing?.href);
      const result = flow.result!;
      assert.equal(result.facebook?.connected, true);
      assert.equal(result.instagram?.connected, true);

      const rows = await workspace.sql`
      select id, platform, auth_path, external_account_id, facebook_page_id, linked_account_id, token_expires_at, scopes
      from public.channel_accounts where imo_id = ${workspace.imoId} order by platform`;
      const page = rows.find((r) => r.platform === "facebook")!;
      const instagram = rows.find((r) =>
        r.platform === "instagram" && r.external_account_id === account.igAccountId
      )!;
      assert.ok(page && instagram, JSON.stringify(rows));
      assert.equal(instagram.auth_path, "facebook_login");
      assert.equal(instagram.facebook_page_id, page.external_account_id);
      assert.equal(instagram.linked_account_id, page.id);
      assert.equal(page.linked_account_id, instagram.id);
      assert.equal(instagram.token_expires_at, null, "Page tokens do not expire");
      assert.ok(instagram.scopes.includes("instagram_manage_messages"), instagram.scopes.join(","));
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a Page without a linked Instagram account is a partial connect, reported per platform",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "fb-partial" });
    try {
      // a Facebook user whose only Page has no Instagram account linked
      const user = await sandbox<{ id: string }>("facebook-users", { name: "Pat Pageonly" });
      await sandbox("pages", { name: "Northwind Careers (no Instagram)", facebookUserId: user.id });

      const flow = await connectThroughBrowser(workspace, {
        authPath: "facebook_login",
        decision: "approve",
        account: user.id,
      });
      assert.equal(flow.outcome, "partial", flow.landing?.href);
      const result = flow.result!;
      assert.equal(result.facebook?.connected, true);
      assert.deepEqual(result.instagram, {
        connected: false,
        reason: "no Instagram business account linked",
      });
      const platforms = await workspace
        .sql`select platform from public.channel_accounts where imo_id = ${workspace.imoId}`;
      assert.deepEqual(platforms.map((r) => r.platform), ["facebook"]);
    } finally {
      await workspace.close();
    }
  },
);

/**
 * A person at the seeded sandbox's Facebook consent page: reads the "Continue as" choices, picks
 * one (the preselected first one unless told) and approves, as the form would post it.
 */
async function consentOnSeededPage(workspace: Workspace, pick?: string) {
  const init = await callFunction(workspace, "instagram-oauth-init", {
    body: { imo_id: workspace.imoId, auth_path: "facebook_login", return_to: "/settings" },
  });
  const { url } = await init.json();
  const html = await (await fetch(url)).text();
  const choices = [...html.matchAll(/<option value="([^"]+)">([^<]+)<\/option>/g)]
    .map(([, value, label]) => ({ value: value!, label: label! }));
  const form = new URLSearchParams({
    sandbox_decision: "approve",
    sandbox_account: pick ?? choices[0]!.value,
  });
  const consent = await fetch(url, { method: "POST", body: form, redirect: "manual" });
  await consent.body?.cancel();
  const { landing } = await landFromCallback(consent.headers.get("location")!);
  return { choices, ...await finishOnLanding(workspace, landing) };
}

Deno.test(
  "the seeded sandbox's Facebook consent offers a Page with Instagram first, and one without",
  options,
  async () => {
    const full = await createWorkspace({ plan: "team", label: "fb-seed-full" });
    const partial = await createWorkspace({ plan: "team", label: "fb-seed-partial" });
    try {
      const first = await consentOnSeededPage(full);
      assert.deepEqual(first.choices.slice(0, 2), [
        {
          value: DEMO_FACEBOOK.userWithInstagram,
          label: "Riley Recruiter: Northwind Talent (Instagram @northwind.talent)",
        },
        {
          value: DEMO_FACEBOOK.userWithoutInstagram,
          label: "Morgan Events: Northwind Events (no Instagram account)",
        },
      ]);
      assert.equal(first.outcome, "connected");
      const connected = await full.sql`
        select platform, external_account_id, username from public.channel_accounts
        where imo_id = ${full.imoId} order by platform`;
      assert.deepEqual(connected.map((r) => [r.platform, r.external_account_id]), [
        ["instagram", DEMO_FACEBOOK.linkedInstagramAccount],
        ["facebook", DEMO_FACEBOOK.pageWithInstagram],
      ]);

      const second = await consentOnSeededPage(partial, DEMO_FACEBOOK.userWithoutInstagram);
      assert.equal(second.outcome, "partial");
      const pageOnly = await partial.sql`
        select platform, external_account_id from public.channel_accounts where imo_id = ${partial.imoId}`;
      assert.deepEqual(pageOnly.map((r) => [r.platform, r.external_account_id]), [
        ["facebook", DEMO_FACEBOOK.pageWithoutInstagram],
      ]);
    } finally {
      await full.close();
      await partial.close();
    }
  },
);

Deno.test(
  "a Page another IMO holds is refused with a readable reason, and released by its disconnect",
  options,
  async () => {
    const holder = await createWorkspace({ plan: "team", label: "fb-holder" });
    const other = await createWorkspace({ plan: "team", label: "fb-other" });
    try {
      const account = await createSandboxAccount({
        username: `held.page.${crypto.randomUUID().slice(0, 6)}`,
        loginPath: "facebook_login",
        withPage: true,
      });
      const connect = (workspace: Workspace) =>
        connectThroughBrowser(workspace, {
          authPath: "facebook_login",
          decision: "approve",
          account: account.igAccountId,
        });
      assert.equal((await connect(holder)).outcome, "connected");

      const refused = await connect(other);
      assert.equal(refused.outcome, "failed");
      assert.match(refused.result?.facebook?.reason ?? "", /is connected to another workspace/);
      const [{ n }] = await other.sql`
        select count(*)::int as n from public.channel_accounts where imo_id = ${other.imoId}`;
      assert.equal(n, 0);

      const rows = await holder.sql<{ id: string }[]>`
        select id from public.channel_accounts where imo_id = ${holder.imoId}`;
      for (const { id } of rows) {
        const answer = await callFunction(holder, "instagram-disconnect", {
          body: { account_id: id },
        });
        await answer.body?.cancel();
      }
      assert.equal((await connect(other)).outcome, "connected");
    } finally {
      await holder.close();
      await other.close();
    }
  },
);
