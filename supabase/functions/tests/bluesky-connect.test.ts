/**
 * bluesky-connect against the real local AT Protocol network: a good app password, a wrong one,
 * a main password, a revoked app password, disconnect, and the plan and role gates.
 */
import { AtpAgent, XRPCError } from "@atproto/api";
import assert from "node:assert/strict";
import { connectedAccountsResponseSchema } from "../../../shared/src/contracts/connected-accounts.ts";
import { connectBlueskyAccount, pollNow } from "../../../scripts/testing/bluesky-account.ts";
import {
  blueskyEnv,
  createBlueskyUser,
  postAs,
  processAll,
} from "../../../scripts/testing/bluesky-network.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";
import { tokenCipher } from "../_shared/token-cipher.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test("a good app password connects the account; no token ever leaves", options, async () => {
  const admin = await createWorkspace({ plan: "team", label: "bsky-good" });
  try {
    const user = await createBlueskyUser("acme");
    const response = await callFunction(admin, "bluesky-connect", {
      body: {
        imo_id: admin.imoId,
        identifier: `@${user.handle}`,
        app_password: user.appPassword,
        service_url: blueskyEnv().pdsUrl,
      },
    });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const body = JSON.parse(text);
    assert.deepEqual(
      [body.did, body.handle, body.dm_access],
      [user.did, user.handle, true],
    );
    assert.doesNotMatch(text, /eyJ|Jwt|v1\./, "no JWT or ciphertext in the answer");

    const [row] = await admin.sql`
      select platform, auth_path, external_account_id, username, service_url, status,
        access_token_encrypted, token_expires_at, scopes
      from public.channel_accounts where id = ${body.account_id}`;
    assert.deepEqual(
      [row!.platform, row!.auth_path, row!.external_account_id, row!.username, row!.status],
      ["bluesky", "app_password", user.did, user.handle, "connected"],
    );
    assert.equal(row!.service_url, new URL(blueskyEnv().pdsUrl).origin);
    assert.deepEqual(row!.scopes, ["com.atproto.appPassPrivileged"]);
    assert.match(row!.access_token_encrypted, /^v1\./);
    assert.doesNotMatch(row!.access_token_encrypted, /eyJ/, "the session is encrypted");
    // the refresh token's 90 days (docs/bluesky.md §1)
    const days = (row!.token_expires_at.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 89 && days <= 90, String(days));
    const session = JSON.parse(
      await (await tokenCipher()).decrypt(row!.access_token_encrypted),
    );
    assert.equal(session.did, user.did);
    assert.ok(!JSON.stringify(session).includes(user.appPassword), "the app password is not kept");

    const listed = await callFunction(admin, `connected-accounts?imo_id=${admin.imoId}`);
    const listedText = await listed.text();
    assert.doesNotMatch(listedText, /eyJ|access_token|notifications_cursor/);
    const [account] = connectedAccountsResponseSchema.parse(JSON.parse(listedText)).accounts;
    assert.equal(account!.platform, "bluesky");
    assert.equal(account!.health.needs_reconnect, false);
  } finally {
    await admin.close();
  }
});

Deno.test("a wrong app password is refused and stores nothing", options, async () => {
  const admin = await createWorkspace({ plan: "team", label: "bsky-wrong" });
  try {
    const user = await createBlueskyUser("wrong");
    const response = await callFunction(admin, "bluesky-connect", {
      body: {
        imo_id: admin.imoId,
        identifier: user.handle,
        app_password: "aaaa-bbbb-cccc-dddd",
        service_url: blueskyEnv().pdsUrl,
      },
    });
    const body = await response.json();
    assert.equal(response.status, 422);
    assert.equal(body.error.code, "invalid_credentials");
    const rows = await admin
      .sql`select 1 from public.channel_accounts where imo_id = ${admin.imoId}`;
    assert.equal(rows.length, 0);

    const notAnAppPassword = await callFunction(admin, "bluesky-connect", {
      body: { imo_id: admin.imoId, identifier: user.handle, app_password: "my secret password" },
    });
    assert.equal(notAnAppPassword.status, 422);
    assert.match(JSON.stringify(await notAnAppPassword.json()), /never your main Bluesky password/);
  } finally {
    await admin.close();
  }
});

Deno.test("the main password is refused even when Bluesky accepts it", options, async () => {
  const admin = await createWorkspace({ plan: "team", label: "bsky-main" });
  try {
    // a main password shaped like an app password, so only the session's scope tells them apart
    const mainPassword = "main-pass-word-1234";
    const agent = new AtpAgent({ service: blueskyEnv().pdsUrl });
    const handle = `main${crypto.randomUUID().slice(0, 6).replace(/[^a-z]/g, "x")}.test`;
    await agent.createAccount({ handle, email: `${handle}@example.com`, password: mainPassword });
    const response = await callFunction(admin, "bluesky-connect", {
      body: {
        imo_id: admin.imoId,
        identifier: handle,
        app_password: mainPassword,
        service_url: blueskyEnv().pdsUrl,
      },
    });
    const body = await response.json();
    assert.equal(response.status, 422, JSON.stringify(body));
    assert.equal(body.error.code, "main_password_refused");
    const rows = await admin
      .sql`select 1 from public.channel_accounts where imo_id = ${admin.imoId}`;
    assert.equal(rows.length, 0);
  } finally {
    await admin.close();
  }
});

Deno.test("a revoked app password marks the account for re-auth", options, async () => {
  const admin = await createWorkspace({ plan: "team", label: "bsky-revoke" });
  try {
    const acme = await connectBlueskyAccount(admin, "revoke");
    assert.equal((await pollNow(admin, acme.accountId)).error, null);

    const { data } = await acme.agent.com.atproto.server.listAppPasswords();
    await acme.agent.com.atproto.server.revokeAppPassword({ name: data.passwords[0]!.name });
    // access tokens outlive a revocation (docs/bluesky.md §1): our copy is 20 minutes old, so the
    // next use refreshes it, and Bluesky refuses
    await admin.sql`update public.channel_accounts
      set token_issued_at = now() - interval '20 minutes', token_refreshed_at = null
      where id = ${acme.accountId}`;
    const poll = await pollNow(admin, acme.accountId);
    assert.match(poll.error ?? "", /no longer accepts this app password/);

    const [row] = await admin.sql`
      select status, status_reason, access_token_encrypted from public.channel_accounts
      where id = ${acme.accountId}`;
    assert.equal(row!.status, "expired");
    assert.match(row!.status_reason, /Connect the account again/);
    assert.equal(row!.access_token_encrypted, null);
    const listed = connectedAccountsResponseSchema.parse(
      await (await callFunction(admin, `connected-accounts?imo_id=${admin.imoId}`)).json(),
    );
    assert.equal(listed.accounts[0]!.health.needs_reconnect, true);
  } finally {
    await admin.close();
  }
});

Deno.test("a session older than 15 minutes is refreshed and stored again", options, async () => {
  const admin = await createWorkspace({ plan: "team", label: "bsky-refresh" });
  try {
    const acme = await connectBlueskyAccount(admin, "refresh");
    const [before] = await admin.sql`
      select access_token_encrypted from public.channel_accounts where id = ${acme.accountId}`;
    await admin.sql`update public.channel_accounts set token_issued_at = now() - interval '1 hour'
      where id = ${acme.accountId}`;
    assert.equal((await pollNow(admin, acme.accountId)).error, null);
    const [after] = await admin.sql`
      select access_token_encrypted, token_refreshed_at, status from public.channel_accounts
      where id = ${acme.accountId}`;
    assert.notEqual(after!.access_token_encrypted, before!.access_token_encrypted);
    assert.ok(after!.token_refreshed_at, "token_refreshed_at set");
    assert.equal(after!.status, "connected");
    // the new tokens work: another poll needs no refresh and succeeds
    assert.equal((await pollNow(admin, acme.accountId)).error, null);
  } finally {
    await admin.close();
  }
});

Deno.test("disconnect ends the session at the PDS and keeps the history", options, async () => {
  const admin = await createWorkspace({ plan: "team", label: "bsky-disconnect" });
  try {
    const acme = await connectBlueskyAccount(admin, "leaving");
    const fan = await createBlueskyUser("fan");
    await postAs(fan, `hello @${acme.handle}`);
    await processAll();
    assert.equal((await pollNow(admin, acme.accountId)).error, null);
    const [row] = await admin.sql`
      select access_token_encrypted, service_url from public.channel_accounts
      where id = ${acme.accountId}`;
    const session = JSON.parse(await (await tokenCipher()).decrypt(row!.access_token_encrypted));

    const response = await callFunction(admin, "instagram-disconnect", {
      body: { account_id: acme.accountId },
    });
    assert.equal(response.status, 200, await response.text());
    const [after] = await admin.sql`
      select status, access_token_encrypted from public.channel_accounts where id = ${acme.accountId}`;
    assert.deepEqual([after!.status, after!.access_token_encrypted], ["disconnected", null]);
    const kept = await admin
      .sql`select 1 from public.messages where channel_account_id = ${acme.accountId}`;
    assert.equal(kept.length, 1, "the mention stays");

    const stale = new AtpAgent({ service: row!.service_url });
    const refused = await stale.com.atproto.server.refreshSession(undefined, {
      headers: { authorization: `Bearer ${session.refreshJwt}` },
    }).then(() => undefined, (error) => error);
    assert.ok(refused instanceof XRPCError, "the refresh token no longer works");
  } finally {
    await admin.close();
  }
});

Deno.test("connecting needs an owner or admin on a plan with messaging", options, async () => {
  const free = await createWorkspace({ plan: "free", label: "bsky-free" });
  const recruiter = await createWorkspace({ plan: "team", role: "recruiter", label: "bsky-rec" });
  try {
    const user = await createBlueskyUser("gate");
    const body = (imoId: string) => ({
      imo_id: imoId,
      identifier: user.handle,
      app_password: user.appPassword,
      service_url: blueskyEnv().pdsUrl,
    });
    const onFree = await callFunction(free, "bluesky-connect", { body: body(free.imoId) });
    assert.equal(onFree.status, 402);
    await onFree.body?.cancel();
    const asRecruiter = await callFunction(recruiter, "bluesky-connect", {
      body: body(recruiter.imoId),
    });
    assert.equal(asRecruiter.status, 403);
    await asRecruiter.body?.cancel();
    const insecure = await callFunction(free, "bluesky-connect", {
      body: { ...body(free.imoId), service_url: "http://example.com" },
    });
    assert.equal(insecure.status, 422);
    assert.equal((await insecure.json()).error.code, "invalid_service_url");
  } finally {
    await free.close();
    await recruiter.close();
  }
});
