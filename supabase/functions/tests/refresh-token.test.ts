import assert from "node:assert/strict";
import {
  createSandboxAccount,
  sandbox,
  type SandboxAccount,
} from "../../../scripts/testing/meta-sandbox-client.ts";
import { platformEnv } from "../../../scripts/testing/platform-env.ts";
import { createWorkspace, type Workspace } from "../../../scripts/testing/workspace.ts";
import { tokenCipher } from "../_shared/token-cipher.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

/**
 * A connected Instagram Login account whose token (issued `ageHours` ago) expires in `daysLeft`
 * (fractions allowed, negative for a token already past its expiry).
 */
async function connectedAccount(workspace: Workspace, ageHours: number, daysLeft: number) {
  const account = await createSandboxAccount({
    username: `refresh.${crypto.randomUUID().slice(0, 6)}`,
    loginPath: "instagram_login",
  });
  await sandbox("tokens/age", { account: account.igAccountId, hours: ageHours });
  const encrypted = await (await tokenCipher()).encrypt(account.accessToken);
  const [row] = await workspace.sql<{ id: string }[]>`
    insert into public.channel_accounts (imo_id, platform, auth_path, external_account_id, external_ids, username,
      access_token_encrypted, token_key_id, token_expires_at, token_issued_at, scopes)
    values (${workspace.imoId}, 'instagram', 'instagram_login', ${account.igAccountId}, ${[
    account.meId,
  ]},
      'candidate.inbox', ${encrypted}, ${(await tokenCipher()).activeKeyId},
      now() + make_interval(secs => ${daysLeft * 86_400}), now() - make_interval(secs => ${
    ageHours * 3600
  }),
      '{instagram_business_basic,instagram_business_manage_messages}')
    returning id`;
  return { ...account, rowId: row!.id, encrypted };
}

async function runCron() {
  const { url, serviceRoleKey } = platformEnv();
  const response = await fetch(`${url}/functions/v1/instagram-refresh-token`, {
    method: "POST",
    headers: { authorization: `Bearer ${serviceRoleKey}`, "content-type": "application/json" },
    body: "{}",
  });
  assert.equal(response.status, 200);
  return await response.json();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

Deno.test(
  "the refresh cron refreshes due tokens only, expires revoked ones, keeps 503s connected",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "refresh" });
    try {
      // day 55 of 60: due; day 10: not due; day 55 but revoked at Meta; day 55 but Meta answers 503
      const due = await connectedAccount(workspace, 55 * 24, 5);
      const fresh = await connectedAccount(workspace, 10 * 24, 50);
      const revoked = await connectedAccount(workspace, 55 * 24, 5);
      const unlucky = await connectedAccount(workspace, 55 * 24, 5);
      await sandbox("tokens/revoke", { account: revoked.igAccountId });
      await sandbox("faults", {
        target: "graph",
        match: `refresh_access_token.*${escape(encodeURIComponent(unlucky.accessToken))}`,
        kind: "http_503",
        count: 1,
      });

      const outcome = await runCron();
      assert.ok(
        outcome.refreshed >= 1 && outcome.expired >= 1 && outcome.failed >= 1,
        JSON.stringify(outcome),
      );

      const rows = new Map((await workspace.sql`
      select id, status, status_reason, last_error, access_token_encrypted, token_expires_at, token_refreshed_at
      from public.channel_accounts where imo_id = ${workspace.imoId}`).map((r) => [r.id, r]));

      const refreshed = rows.get(due.rowId)!;
      assert.equal(refreshed.status, "connected");
      assert.notEqual(refreshed.access_token_encrypted, due.encrypted, "a new token was stored");
      assert.ok(refreshed.token_refreshed_at, "refresh time recorded");
      assert.ok(
        refreshed.token_expires_at.getTime() > Date.now() + 59 * 86_400_000,
        "60 more days",
      );
      const stored = await (await tokenCipher()).decrypt(refreshed.access_token_encrypted);
      assert.notEqual(stored, due.accessToken);

      const untouched = rows.get(fresh.rowId)!;
      assert.equal(untouched.access_token_encrypted, fresh.encrypted, "not due: left alone");
      assert.equal(untouched.token_refreshed_at, null);

      const gone = rows.get(revoked.rowId)!;
      assert.equal(gone.status, "expired");
      assert.match(gone.status_reason, /Error validating access token/);

      const kept = rows.get(unlucky.rowId)!;
      assert.equal(kept.status, "connected", "a 503 never disconnects");
      assert.equal(kept.access_token_encrypted, unlucky.encrypted);
      assert.match(kept.last_error, /refresh failed/);

      // the next run picks the unlucky one up
      await runCron();
      const [retried] = await workspace
        .sql`select status, token_refreshed_at from public.channel_accounts where id = ${unlucky.rowId}`;
      assert.equal(retried!.status, "connected");
      assert.ok(retried!.token_refreshed_at);
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a token younger than 24 h is not sent for refresh, and only the service role may run the cron",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "refresh-young" });
    try {
      const young: SandboxAccount & { rowId: string; encrypted: string } = await connectedAccount(
        workspace,
        2,
        5,
      );
      await runCron();
      const [row] = await workspace
        .sql`select access_token_encrypted, last_error from public.channel_accounts where id = ${young.rowId}`;
      assert.equal(row!.access_token_encrypted, young.encrypted);
      assert.equal(row!.last_error, null);

      const asUser = await fetch(`${platformEnv().url}/functions/v1/instagram-refresh-token`, {
        method: "POST",
        headers: { authorization: `Bearer ${workspace.accessToken}` },
      });
      assert.equal(asUser.status, 403);
      await asUser.body?.cancel();
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "refresh starts on day 53 of 60: at day 52 23:59 the token waits, at day 53 it is refreshed",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "refresh-boundary" });
    try {
      const minute = 1 / (24 * 60);
      // 60-day tokens: day 53 is the moment 7 days are left (token_expires_at <= now() + 7 days)
      const waiting = await connectedAccount(workspace, (53 - minute) * 24, 7 + minute);
      const due = await connectedAccount(workspace, 53 * 24, 7);
      await runCron();
      const rows = new Map((await workspace.sql`
        select id, access_token_encrypted, token_refreshed_at from public.channel_accounts
        where imo_id = ${workspace.imoId}`).map((r) => [r.id, r]));
      assert.equal(rows.get(waiting.rowId)!.access_token_encrypted, waiting.encrypted);
      assert.equal(rows.get(waiting.rowId)!.token_refreshed_at, null, "day 52 23:59 waits");
      assert.notEqual(rows.get(due.rowId)!.access_token_encrypted, due.encrypted);
      assert.ok(rows.get(due.rowId)!.token_refreshed_at, "day 53 is refreshed");
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "a connected account whose token already expired is marked expired without a call to Meta",
  options,
  async () => {
    const workspace = await createWorkspace({ plan: "team", label: "refresh-expired" });
    try {
      const lapsed = await connectedAccount(workspace, 61 * 24, -1 / 24);
      // any Graph request carrying this token would consume the fault: it must stay unused
      const fault = await sandbox<{ id: string; remaining: number }>("faults", {
        target: "graph",
        match: escape(encodeURIComponent(lapsed.accessToken)),
        kind: "http_503",
        count: 1,
      });
      await runCron();
      const [row] = await workspace.sql`
        select status, status_reason, last_error, access_token_encrypted from public.channel_accounts
        where id = ${lapsed.rowId}`;
      assert.equal(row!.status, "expired");
      assert.equal(row!.status_reason, "The token expired before it could be refreshed");
      assert.equal(row!.last_error, "token expired");
      const faults = await sandbox<{ id: string; remaining: number }[]>("faults");
      assert.equal(faults.find((f) => f.id === fault.id)?.remaining, 1, "Meta was not asked");
    } finally {
      await workspace.close();
    }
  },
);
