import assert from "node:assert/strict";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { createSandboxAccount, sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import {
  connectThroughBrowser,
  finishOnLanding,
  landFromCallback,
} from "../../../scripts/testing/oauth-browser.ts";
import { platformEnv } from "../../../scripts/testing/platform-env.ts";
import {
  callFunction,
  createWorkspace,
  type Workspace,
} from "../../../scripts/testing/workspace.ts";
import { planCodeOf, uniqueSuffix } from "../../../scripts/testing/tenants.ts";
import { signState } from "../_shared/oauth-state.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

async function sandboxTokens(igAccountId: string): Promise<string[]> {
  const account = await sandbox<{ tokens: { value: string }[] }>(`accounts/${igAccountId}`);
  return account.tokens.map((t) => t.value);
}

Deno.test(
  "Instagram Login: consent, code exchange, long-lived token, ids, subscription, stored encrypted",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "ig-connect" });
    try {
      const account = await createSandboxAccount({
        username: `recruit.${crypto.randomUUID().slice(0, 6)}`,
        loginPath: "instagram_login",
      });
      const flow = await connectThroughBrowser(workspace, {
        authPath: "instagram_login",
        decision: "approve",
        account: account.igAccountId,
      });

      assert.match(flow.dialogUrl.pathname, /\/www\.instagram\.com\/oauth\/authorize$/);
      assert.equal(
        flow.dialogUrl.searchParams.get("redirect_uri"),
        `${platformEnv().url}/functions/v1/instagram-oauth-callback`,
      );
      assert.equal(
        flow.dialogUrl.searchParams.get("scope"),
        "instagram_business_basic,instagram_business_manage_messages,instagram_business_manage_comments," +
          "instagram_business_content_publish,instagram_business_manage_insights",
      );
      assert.equal(flow.callback.status, 302);
      assert.equal(flow.landing?.pathname, "/settings/channels");
      assert.match(flow.landing?.searchParams.get("connection") ?? "", /^[0-9a-f-]{36}$/);
      assert.equal(flow.outcome, "connected");
      assert.equal(flow.result?.instagram?.connected, true);

      const [row] = await workspace.sql`
      select platform, auth_path, external_account_id, external_ids, status, scopes, access_token_encrypted,
             token_key_id, token_expires_at, connected_by
      from public.channel_accounts where imo_id = ${workspace.imoId}`;
      assert.equal(row!.platform, "instagram");
      assert.equal(row!.auth_path, "instagram_login");
      assert.equal(row!.external_account_id, account.igAccountId);
      // every id Meta gave for the account is kept for webhook routing
      for (const id of [account.igAccountId, account.meId, account.tokenUserId]) {
        assert.ok(
          row!.external_ids.includes(id),
          id,
        );
      }
      assert.equal(row!.status, "connected");
      assert.equal(row!.connected_by, workspace.userId);
      assert.deepEqual([...row!.scopes].sort(), [
        "instagram_business_basic",
        "instagram_business_content_publish",
        "instagram_business_manage_comments",
        "instagram_business_manage_insights",
        "instagram_business_manage_messages",
      ]);
      const daysLeft = (row!.token_expires_at.getTime() - Date.now()) / 86_400_000;
      assert.ok(daysLeft > 59 && daysLeft < 61, `token expires in ${daysLeft} days`);
      assert.match(row!.access_token_encrypted, /^v1\.[A-Za-z0-9_-]+\./);
      for (const token of await sandboxTokens(account.igAccountId)) {
        assert.ok(!row!.access_token_encrypted.includes(token), "the token is stored encrypted");
      }

      const subscribed = await sandbox<{ subscribedFields: string[] }>(
        `accounts/${account.igAccountId}`,
      );
      assert.ok(subscribed.subscribedFields.includes("messages"), "webhooks subscribed");
      assert.ok(subscribed.subscribedFields.includes("comments"), "comments subscribed");
    } finally {
      await workspace.close();
    }
  },
);

Deno.test("a tampered, expired or reused state is a 400 and stores nothing", options, async () => {
  const workspace = await createWorkspace({ plan: "team", label: "ig-state" });
  try {
    const account = await createSandboxAccount({
      username: `state.${crypto.randomUUID().slice(0, 6)}`,
      loginPath: "instagram_login",
    });
    const init = await callFunction(workspace, "instagram-oauth-init", {
      body: { imo_id: workspace.imoId },
    });
    const { url } = await init.json();
    const dialog = new URL(url);
    dialog.searchParams.set("sandbox_decision", "approve");
    dialog.searchParams.set("sandbox_account", account.igAccountId);
    const consent = await fetch(dialog, { redirect: "manual" });
    await consent.body?.cancel();
    const callback = new URL(consent.headers.get("location")!);
    const state = callback.searchParams.get("state")!;

    // tampered: one character of the payload changed
    const tampered = new URL(callback);
    tampered.searchParams.set("state", (state[0] === "e" ? "f" : "e") + state.slice(1));
    const tamperedAnswer = await fetch(tampered, { redirect: "manual" });
    assert.equal(tamperedAnswer.status, 400);
    assert.equal((await tamperedAnswer.json()).error.code, "invalid_state");

    // expired: correctly signed, past its expiry
    const [payloadPart] = state.split(".");
    const payload = JSON.parse(
      new TextDecoder().decode(
        Uint8Array.from(
          atob(payloadPart!.replace(/-/g, "+").replace(/_/g, "/")),
          (c) => c.charCodeAt(0),
        ),
      ),
    );
    const expiredState = await signState(
      { ...payload, exp: Math.floor(Date.now() / 1000) - 1 },
      Deno.env.get("OAUTH_STATE_SECRET")!,
    );
    const expired = new URL(callback);
    expired.searchParams.set("state", expiredState);
    const expiredAnswer = await fetch(expired, { redirect: "manual" });
    assert.equal(expiredAnswer.status, 400);
    assert.equal((await expiredAnswer.json()).error.details.reason, "expired");

    assert.equal(
      (await workspace
        .sql`select count(*)::int as n from public.channel_accounts where imo_id = ${workspace.imoId}`)[
          0
        ]!.n,
      0,
    );

    // the genuine state works once (the consent is parked, completing it stores the account)...
    const first = await landFromCallback(callback.href);
    assert.equal(first.callback.status, 302);
    assert.equal((await finishOnLanding(workspace, first.landing)).outcome, "connected");
    // ...and never again
    const reused = await fetch(callback, { redirect: "manual" });
    assert.equal(reused.status, 400);
    assert.equal((await reused.json()).error.details.reason, "used_or_expired");
    assert.equal(
      (await workspace
        .sql`select count(*)::int as n from public.channel_accounts where imo_id = ${workspace.imoId}`)[
          0
        ]!.n,
      1,
    );
  } finally {
    await workspace.close();
  }
});

Deno.test(
  "denied consent comes back to the SPA with a clear reason and stores nothing",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "ig-deny" });
    try {
      const flow = await connectThroughBrowser(workspace, {
        authPath: "instagram_login",
        decision: "deny",
      });
      assert.equal(flow.callbackUrl.searchParams.get("error"), "access_denied");
      assert.equal(flow.callback.status, 302);
      assert.equal(flow.outcome, "cancelled");
      assert.match(flow.reason ?? "", /declined the permissions/);
      assert.equal(
        (await workspace
          .sql`select count(*)::int as n from public.channel_accounts where imo_id = ${workspace.imoId}`)[
            0
          ]!.n,
        0,
      );
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "connecting needs the Team plan (402 plan_required) and an owner or admin (403)",
  options,
  async () => {
    const free = await createWorkspace({ plan: "free", label: "free" });
    const recruiter = await createWorkspace({
      plan: "team",
      role: "recruiter",
      label: "recruiter",
    });
    // a custom plan, cheaper than Team and with the feature, that nobody can switch to
    const customPlan = planCodeOf(uniqueSuffix(), "custom");
    await free.sql`insert into public.subscription_plans (code, name, monthly_price_cents, features)
      values (${customPlan}, 'Custom', 0, ${free.sql.json({ instagram_messaging: true })})`;
    try {
      const refused = await callFunction(free, "instagram-oauth-init", {
        body: { imo_id: free.imoId },
      });
      assert.equal(refused.status, 402);
      const body = await refused.json();
      assert.equal(body.error.code, "plan_required");
      assert.equal(body.error.required, "team");

      const forbidden = await callFunction(recruiter, "instagram-oauth-init", {
        body: { imo_id: recruiter.imoId },
      });
      assert.equal(forbidden.status, 403);
      await forbidden.body?.cancel();

      const stranger = await callFunction(free, "instagram-oauth-init", {
        body: { imo_id: recruiter.imoId },
      });
      assert.equal(stranger.status, 404);
      await stranger.body?.cancel();

      const invalid = await callFunction(free, "instagram-oauth-init", {
        body: { imo_id: "nope", auth_path: "carrier_pigeon" },
      });
      assert.equal(invalid.status, 422);
      const problems = (await invalid.json()).error.details.map((d: { path: string }) => d.path)
        .sort();
      assert.deepEqual(problems, ["auth_path", "imo_id"]);
    } finally {
      await free.sql`delete from public.subscription_plans where code = ${customPlan}`;
      await free.close();
      await recruiter.close();
    }
  },
);

/** Connects `igAccountId` to the workspace through Meta's consent and returns what came back. */
async function connectAccount(workspace: Workspace, igAccountId: string) {
  const flow = await connectThroughBrowser(workspace, {
    authPath: "instagram_login",
    decision: "approve",
    account: igAccountId,
  });
  return { outcome: flow.outcome, result: flow.result! };
}

/** A lead DMs the account through the sandbox; resolves with the row the webhook stored. */
async function dmFromLead(sql: Workspace["sql"], leadId: string, igAccountId: string) {
  const sent = await sandbox<{ mid: string }>(`leads/${leadId}/messages`, {
    account: igAccountId,
    text: `hello ${crypto.randomUUID().slice(0, 6)}`,
  });
  return await eventually(
    async () => {
      const [row] = await sql<{ channel_account_id: string; imo_id: string }[]>`
      select channel_account_id, imo_id from public.messages where external_id = ${sent.mid}`;
      return row;
    },
    "the DM to be ingested",
    10_000,
  );
}

Deno.test(
  "an account one IMO disconnected can be connected by another; while held it is refused; history stays",
  options,
  async () => {
    const first = await createWorkspace({ plan: "team", label: "held-first" });
    const second = await createWorkspace({ plan: "team", label: "held-second" });
    try {
      const username = `shared.${crypto.randomUUID().slice(0, 6)}`;
      const account = await createSandboxAccount({ username, loginPath: "instagram_login" });
      const lead = await sandbox<{ id: string }>("leads", { username: `lead.${username}` });
      const rowsOf = (workspace: Workspace) =>
        workspace.sql<{ id: string; status: string }[]>`
          select id, status from public.channel_accounts where imo_id = ${workspace.imoId}`;

      assert.equal((await connectAccount(first, account.igAccountId)).outcome, "connected");
      const [firstRow] = await rowsOf(first);
      const received = await dmFromLead(first.sql, lead.id, account.igAccountId);
      assert.deepEqual({ ...received }, {
        channel_account_id: firstRow!.id,
        imo_id: first.imoId,
      });

      // held by the first IMO: the second gets a refusal it can read, and nothing is written
      const refused = await connectAccount(second, account.igAccountId);
      assert.equal(refused.outcome, "failed");
      assert.deepEqual(refused.result.instagram, {
        connected: false,
        reason:
          `@${username} is connected to another workspace. It can be connected here once that workspace disconnects it.`,
      });
      assert.equal((await rowsOf(second)).length, 0);

      const disconnected = await callFunction(first, "instagram-disconnect", {
        body: { account_id: firstRow!.id },
      });
      assert.equal(disconnected.status, 200);
      await disconnected.body?.cancel();

      // released: the second IMO connects it into a row of its own
      assert.equal((await connectAccount(second, account.igAccountId)).outcome, "connected");
      const [secondRow] = await rowsOf(second);
      assert.notEqual(secondRow!.id, firstRow!.id);
      assert.deepEqual((await rowsOf(first)).map((r) => ({ ...r })), [
        { id: firstRow!.id, status: "disconnected" },
      ]);
      // new DMs go to the IMO that holds the account now; the first keeps what it received
      const later = await dmFromLead(second.sql, lead.id, account.igAccountId);
      assert.deepEqual({ ...later }, { channel_account_id: secondRow!.id, imo_id: second.imoId });
      const [kept] = await first.sql`
        select count(*)::int as n from public.messages where channel_account_id = ${firstRow!.id}`;
      assert.equal(kept!.n, 1);

      // now the first IMO is the one refused, until the second lets go; then it gets its old row
      assert.equal((await connectAccount(first, account.igAccountId)).outcome, "failed");
      const released = await callFunction(second, "instagram-disconnect", {
        body: { account_id: secondRow!.id },
      });
      await released.body?.cancel();
      assert.equal((await connectAccount(first, account.igAccountId)).outcome, "connected");
      assert.deepEqual((await rowsOf(first)).map((r) => ({ ...r })), [
        { id: firstRow!.id, status: "connected" },
      ]);
    } finally {
      await first.close();
      await second.close();
    }
  },
);
