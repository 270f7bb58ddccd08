import assert from "node:assert/strict";
import { connectedAccountsResponseSchema } from "../../../shared/src/contracts/connected-accounts.ts";
import { disconnectResponseSchema } from "../../../shared/src/contracts/instagram-connect.ts";
import { createSandboxAccount, sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import { connectThroughBrowser } from "../../../scripts/testing/oauth-browser.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/** Every token the sandbox ever issued: none may appear where users or logs can see it. */
async function allSandboxTokens(): Promise<string[]> {
  const accounts = await sandbox<{ tokens: { value: string }[] }[]>("accounts");
  return accounts.flatMap((a) => a.tokens.map((t) => t.value));
}

Deno.test(
  "connected-accounts: health without any token; disconnect drops the token and keeps history",
  options,
  async () => {
    const admin = await createWorkspace({ plan: "team", label: "health" });
    try {
      const account = await createSandboxAccount({
        username: `health.${crypto.randomUUID().slice(0, 6)}`,
        loginPath: "instagram_login",
      });
      const flow = await connectThroughBrowser(admin, {
        authPath: "instagram_login",
        decision: "approve",
        account: account.igAccountId,
      });
      assert.equal(flow.outcome, "connected");
      await admin
        .sql`update public.channel_accounts set scopes = '{instagram_business_basic}' where imo_id = ${admin.imoId}`;

      const response = await callFunction(admin, `connected-accounts?imo_id=${admin.imoId}`);
      assert.equal(response.status, 200);
      const text = await response.text();
      for (const token of await allSandboxTokens()) {
        assert.ok(
          !text.includes(token),
          "no token in the response",
        );
      }
      assert.doesNotMatch(text, /access_token|token_key_id|"v1\./);
      const body = connectedAccountsResponseSchema.parse(JSON.parse(text));
      assert.equal(body.accounts.length, 1);
      const health = body.accounts[0]!.health;
      assert.equal(health.status, "connected");
      assert.ok(
        health.token_expires_in_seconds! > 59 * 86_400,
        String(health.token_expires_in_seconds),
      );
      assert.deepEqual(health.missing_scopes, ["instagram_business_manage_messages"]);
      assert.equal(health.needs_reconnect, true);
      assert.equal(health.webhooks_quiet, true);

      const [{ id: accountId }] = body.accounts;
      const [contact] = await admin
        .sql`insert into public.contacts (imo_id, channel_account_id, external_id) values (${admin.imoId}, ${accountId}, 'igsid-history') returning id`;
      await admin
        .sql`insert into public.conversations (imo_id, channel_account_id, contact_id) values (${admin.imoId}, ${accountId}, ${
        contact!.id
      })`;

      const disconnected = await callFunction(admin, "instagram-disconnect", {
        body: { account_id: accountId },
      });
      assert.equal(disconnected.status, 200);
      assert.equal(
        disconnectResponseSchema.parse(await disconnected.json()).status,
        "disconnected",
      );
      const [row] = await admin
        .sql`select status, access_token_encrypted, token_key_id, disconnected_at from public.channel_accounts where id = ${accountId}`;
      assert.deepEqual({
        status: row!.status,
        token: row!.access_token_encrypted,
        key: row!.token_key_id,
      }, { status: "disconnected", token: null, key: null });
      assert.equal(
        (await admin
          .sql`select count(*)::int as n from public.conversations where channel_account_id = ${accountId}`)[
            0
          ]!.n,
        1,
        "history kept",
      );
      const unsubscribed = await sandbox<{ subscribedFields: string[] }>(
        `accounts/${account.igAccountId}`,
      );
      assert.deepEqual(unsubscribed.subscribedFields, [], "Meta asked to stop webhooks");
    } finally {
      await admin.close();
    }
  },
);

Deno.test(
  "recruiters may read account health but not disconnect; strangers see nothing",
  options,
  async () => {
    const recruiter = await createWorkspace({
      plan: "team",
      role: "recruiter",
      label: "recruiter-health",
    });
    const stranger = await createWorkspace({ plan: "team", label: "stranger" });
    try {
      const [row] = await recruiter.sql`
      insert into public.channel_accounts (imo_id, platform, auth_path, external_account_id, access_token_encrypted)
      values (${recruiter.imoId}, 'instagram', 'instagram_login', ${`1784${Date.now()}`}, 'v1.x.y.z') returning id`;
      const listed = await callFunction(recruiter, `connected-accounts?imo_id=${recruiter.imoId}`);
      assert.equal(listed.status, 200);
      assert.equal((await listed.json()).accounts.length, 1);

      const refused = await callFunction(recruiter, "instagram-disconnect", {
        body: { account_id: row!.id },
      });
      assert.equal(refused.status, 403);
      await refused.body?.cancel();
      const hidden = await callFunction(stranger, "instagram-disconnect", {
        body: { account_id: row!.id },
      });
      assert.equal(hidden.status, 404);
      await hidden.body?.cancel();
      const foreign = await callFunction(stranger, `connected-accounts?imo_id=${recruiter.imoId}`);
      assert.equal(foreign.status, 404);
      await foreign.body?.cancel();
      const badQuery = await callFunction(stranger, "connected-accounts?imo_id=not-a-uuid");
      assert.equal(badQuery.status, 400);
      assert.equal((await badQuery.json()).error.code, "invalid_query");
    } finally {
      await recruiter.close();
      await stranger.close();
    }
  },
);

Deno.test(
  "no plaintext token anywhere in channel_accounts or in the gateway's log",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "leak-scan" });
    try {
      // make sure at least one connect and one refresh have run through this gateway
      const account = await createSandboxAccount({
        username: `scan.${crypto.randomUUID().slice(0, 6)}`,
        loginPath: "instagram_login",
      });
      await connectThroughBrowser(workspace, {
        authPath: "instagram_login",
        decision: "approve",
        account: account.igAccountId,
      });
      const tokens = await allSandboxTokens();
      assert.ok(tokens.length > 0);

      const rows = await workspace.sql<{ row: string }[]>`
        select t::text as row from public.channel_accounts t
        union all select p::text from public.pending_connections p`;
      for (const { row } of rows) {
        for (const token of tokens) {
          assert.ok(
            !row.includes(token),
            "a plaintext token is stored in channel_accounts or pending_connections",
          );
        }
      }
      const logFile = Deno.env.get("GATEWAY_LOG");
      assert.ok(logFile, "GATEWAY_LOG is set by npm test");
      const log = await Deno.readTextFile(logFile);
      for (const token of tokens) {
        assert.ok(
          !log.includes(token),
          "a token appears in the gateway log",
        );
      }
    } finally {
      await workspace.close();
    }
  },
);
