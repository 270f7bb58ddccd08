import assert from "node:assert/strict";
import { control, credentials, graph, startTestSandbox, testOptions } from "./test-support.ts";

const REDIRECT = "https://app.example.com/functions/v1/instagram-oauth-callback";

function authorizeUrl(base: string, extra: Record<string, string> = {}) {
  const url = new URL(`${base}/www.instagram.com/oauth/authorize`);
  url.search = new URLSearchParams({
    client_id: credentials.instagramAppId,
    redirect_uri: REDIRECT,
    response_type: "code",
    scope: "instagram_business_basic,instagram_business_manage_messages",
    state: "csrf-123",
    ...extra,
  }).toString();
  return url;
}

async function exchangeCode(base: string, code: string, overrides: Record<string, string> = {}) {
  const response = await fetch(`${base}/api.instagram.com/oauth/access_token`, {
    method: "POST",
    body: new URLSearchParams({
      client_id: credentials.instagramAppId,
      client_secret: credentials.instagramAppSecret,
      grant_type: "authorization_code",
      redirect_uri: REDIRECT,
      code,
      ...overrides,
    }),
  });
  return { status: response.status, body: await response.json() };
}

Deno.test(
  "Instagram Login: consent page, approve with #_, deny, wrong client_id",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const first = await control(sandbox, "POST", "accounts", {
        username: "northwind.careers",
        loginPath: "instagram_login",
      });
      await control(sandbox, "POST", "accounts", {
        username: "contoso.jobs",
        loginPath: "instagram_login",
      });

      const page = await fetch(authorizeUrl(sandbox.url));
      const html = await page.text();
      assert.equal(page.status, 200);
      assert.match(html, /<select name="sandbox_account">/); // several accounts: a chooser
      assert.match(html, /value="approve">Approve/);
      assert.match(html, /value="deny">Deny/);

      // The consent form posts back to the same URL.
      const form = new URLSearchParams({
        sandbox_decision: "approve",
        sandbox_account: String(first.igAccountId),
      });
      const posted = await fetch(authorizeUrl(sandbox.url), {
        method: "POST",
        body: form,
        redirect: "manual",
      });
      assert.equal(posted.status, 302);
      const location = posted.headers.get("location")!;
      assert.ok(location.startsWith(`${REDIRECT}?code=`));
      assert.ok(location.endsWith("#_"), "the documented #_ suffix");
      const redirected = new URL(location);
      assert.equal(redirected.searchParams.get("state"), "csrf-123");
      assert.ok(redirected.searchParams.get("code")!.length > 20);

      const denied = await fetch(authorizeUrl(sandbox.url, { sandbox_decision: "deny" }), {
        redirect: "manual",
      });
      assert.equal(denied.status, 302);
      assert.equal(
        denied.headers.get("location"),
        `${REDIRECT}?error=access_denied&error_reason=user_denied&error_description=Permissions+error&state=csrf-123`,
      );

      const wrongClient = await fetch(authorizeUrl(sandbox.url, { client_id: "42" }));
      assert.equal(wrongClient.status, 400);
      assert.match(await wrongClient.text(), /Invalid platform app/);
      const oldScope = await fetch(authorizeUrl(sandbox.url, { scope: "business_basic" }));
      assert.equal(oldScope.status, 400);
      await oldScope.body?.cancel();
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "Instagram Login: code exchange in both shapes, reuse and wrong secret refused",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await control(sandbox, "POST", "accounts", {
        username: "northwind.careers",
        loginPath: "instagram_login",
      });
      const approve = async () => {
        const response = await fetch(authorizeUrl(sandbox.url, { sandbox_decision: "approve" }), {
          redirect: "manual",
        });
        return new URL(response.headers.get("location")!).searchParams.get("code")!;
      };

      const code = await approve();
      const exchanged = await exchangeCode(sandbox.url, code);
      assert.equal(exchanged.status, 200);
      const [grant] = exchanged.body.data;
      assert.match(grant.access_token, /^IGAA/);
      assert.equal(grant.user_id, account.tokenUserId);
      assert.equal(
        grant.permissions,
        "instagram_business_basic,instagram_business_manage_messages",
      );

      const reused = await exchangeCode(sandbox.url, code);
      assert.equal(reused.status, 400);
      assert.deepEqual(reused.body, {
        error_type: "OAuthException",
        code: 400,
        error_message: "Matching code was not found or was already used",
      });
      const withFragment = await exchangeCode(sandbox.url, `${await approve()}#_`);
      assert.equal(
        withFragment.body.error_message,
        "Matching code was not found or was already used",
      );

      const wrongSecret = await exchangeCode(sandbox.url, await approve(), {
        client_secret: "nope",
      });
      assert.equal(wrongSecret.status, 400);
      assert.equal(wrongSecret.body.error_type, "OAuthException");
      const wrongRedirect = await exchangeCode(sandbox.url, await approve(), {
        redirect_uri: `${REDIRECT}/x`,
      });
      assert.equal(wrongRedirect.status, 400);
      assert.equal(wrongRedirect.body.error_type, "OAuthException");

      await control(sandbox, "POST", "apps", { codeExchangeShape: "flat" });
      const flat = await exchangeCode(sandbox.url, await approve());
      assert.equal(flat.status, 200);
      assert.deepEqual(Object.keys(flat.body).sort(), ["access_token", "permissions", "user_id"]);
      assert.equal(flat.body.user_id, account.tokenUserId);
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "Instagram tokens: long-lived exchange, refresh rules, /me ids",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await control(sandbox, "POST", "accounts", {
        username: "northwind.careers",
        loginPath: "instagram_login",
      });
      const location = (await fetch(authorizeUrl(sandbox.url, { sandbox_decision: "approve" }), {
        redirect: "manual",
      }))
        .headers.get("location")!;
      const short =
        (await exchangeCode(sandbox.url, new URL(location).searchParams.get("code")!)).body.data[0];

      const long = await graph(sandbox, "graph.instagram.com/access_token", {
        query: {
          grant_type: "ig_exchange_token",
          client_secret: credentials.instagramAppSecret,
          access_token: short.access_token,
        },
      });
      assert.equal(long.status, 200);
      assert.equal(long.body.token_type, "bearer");
      assert.equal(long.body.expires_in, 5183944);
      const token = long.body.access_token;

      const me = await graph(sandbox, "graph.instagram.com/v25.0/me", {
        token,
        query: {
          fields: "id,user_id,username,name,account_type,profile_picture_url,followers_count",
        },
      });
      assert.equal(me.status, 200);
      assert.equal(
        me.body.user_id,
        account.igAccountId,
        "/me user_id is the professional account id (entry.id)",
      );
      assert.equal(me.body.id, account.meId);
      assert.notEqual(
        me.body.id,
        short.user_id,
        "/me id differs from the code exchange user_id (§1A quirk)",
      );
      assert.notEqual(me.body.user_id, short.user_id);
      assert.equal(me.body.account_type, "BUSINESS");
      const justId = await graph(sandbox, "graph.instagram.com/v24.0/me", {
        query: { fields: "username", access_token: token },
      });
      assert.deepEqual(Object.keys(justId.body).sort(), ["id", "username"]);
      const noToken = await graph(sandbox, "graph.instagram.com/v25.0/me");
      assert.equal(noToken.status, 400);
      assert.equal(noToken.body.error.code, 2500);

      const refresh = () =>
        graph(sandbox, "graph.instagram.com/refresh_access_token", {
          query: { grant_type: "ig_refresh_token", access_token: token },
        });
      const tooEarly = await refresh();
      assert.equal(tooEarly.status, 400);
      assert.equal(tooEarly.body.error.code, 100);
      assert.match(tooEarly.body.error.message, /24 hours/);
      assert.ok(tooEarly.body.error.fbtrace_id);

      await control(sandbox, "POST", "tokens/age", { account: account.igAccountId, hours: 25 });
      const refreshed = await refresh();
      assert.equal(refreshed.status, 200);
      assert.equal(refreshed.body.token_type, "bearer");
      assert.equal(refreshed.body.expires_in, 5183944);
      assert.notEqual(refreshed.body.access_token, token);

      await control(sandbox, "POST", "tokens/revoke", { account: account.igAccountId });
      const revoked = await refresh();
      assert.equal(revoked.status, 400);
      assert.equal(revoked.body.error.type, "OAuthException");
      assert.equal(revoked.body.error.code, 190);
      assert.equal(revoked.body.error.error_subcode, 460);
      assert.match(revoked.body.error.message, /^Error validating access token: /);
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "Instagram tokens: an expired token answers 190/463 and cannot be refreshed",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await control(sandbox, "POST", "accounts", {
        username: "northwind.careers",
        loginPath: "instagram_login",
      });
      await control(sandbox, "POST", "tokens/age", {
        account: account.igAccountId,
        hours: 24 * 61,
      });
      const expired = await graph(sandbox, "graph.instagram.com/refresh_access_token", {
        query: { grant_type: "ig_refresh_token", access_token: String(account.accessToken) },
      });
      assert.equal(expired.status, 400);
      assert.equal(expired.body.error.code, 190);
      assert.equal(expired.body.error.error_subcode, 463);
      assert.match(expired.body.error.message, /Session has expired/);
      // Day 53: still valid, and refreshable.
      const fresh = await control(sandbox, "POST", "accounts", {
        username: "contoso.jobs",
        loginPath: "instagram_login",
      });
      await control(sandbox, "POST", "tokens/age", { account: fresh.igAccountId, hours: 24 * 53 });
      const ok = await graph(sandbox, "graph.instagram.com/refresh_access_token", {
        query: { grant_type: "ig_refresh_token", access_token: String(fresh.accessToken) },
      });
      assert.equal(ok.status, 200);
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "Facebook Login: dialog, code exchange, long-lived token, Pages with and without IG",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await control(sandbox, "POST", "accounts", {
        username: "fabrikam.talent",
        loginPath: "facebook_login",
      });
      const lonely = await control(sandbox, "POST", "pages", { name: "Fabrikam Events" });
      const dialog = (extra: Record<string, string>) => {
        const url = new URL(`${sandbox.url}/www.facebook.com/v25.0/dialog/oauth`);
        url.search = new URLSearchParams({
          client_id: credentials.metaAppId,
          redirect_uri: REDIRECT,
          state: "s1",
          scope: "instagram_basic,instagram_manage_messages,pages_manage_metadata,pages_show_list",
          response_type: "code",
          ...extra,
        }).toString();
        return fetch(url, { redirect: "manual" });
      };
      const page = await dialog({});
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Approve/);
      const denied = await dialog({ sandbox_decision: "deny" });
      const deniedUrl = new URL(denied.headers.get("location")!);
      assert.equal(deniedUrl.searchParams.get("error"), "access_denied");
      assert.equal(deniedUrl.searchParams.get("error_reason"), "user_denied");
      assert.equal(deniedUrl.searchParams.get("state"), "s1");

      const approved = await dialog({ sandbox_decision: "approve" });
      assert.equal(approved.status, 302);
      assert.ok(approved.headers.get("location")!.endsWith("#_=_"), "Facebook's redirect fragment");
      const code = new URL(approved.headers.get("location")!).searchParams.get("code")!;
      const exchange = (c: string) =>
        graph(sandbox, "graph.facebook.com/v25.0/oauth/access_token", {
          query: {
            client_id: credentials.metaAppId,
            client_secret: credentials.metaAppSecret,
            redirect_uri: REDIRECT,
            code: c,
          },
        });
      const short = await exchange(code);
      assert.equal(short.status, 200);
      assert.equal(short.body.token_type, "bearer");
      assert.ok(short.body.expires_in > 0);
      const reused = await exchange(code);
      assert.equal(reused.status, 400);
      assert.equal(reused.body.error.code, 100);

      const long = await graph(sandbox, "graph.facebook.com/v25.0/oauth/access_token", {
        query: {
          grant_type: "fb_exchange_token",
          client_id: credentials.metaAppId,
          client_secret: credentials.metaAppSecret,
          fb_exchange_token: short.body.access_token,
        },
      });
      assert.equal(long.status, 200);
      assert.equal(long.body.expires_in, 5183944);
      const userToken = long.body.access_token;

      const me = await graph(sandbox, "graph.facebook.com/v25.0/me", {
        token: userToken,
        query: { fields: "id,name" },
      });
      assert.equal(me.status, 200);
      assert.ok(me.body.id && me.body.name);

      const accounts = await graph(sandbox, "graph.facebook.com/v25.0/me/accounts", {
        token: userToken,
        query: { fields: "id,name,access_token,instagram_business_account{id,username}" },
      });
      assert.equal(accounts.status, 200);
      const linked = accounts.body.data.find((p: { id: string }) => p.id === account.pageId);
      const unlinked = accounts.body.data.find((p: { id: string }) => p.id === lonely.id);
      assert.deepEqual(linked.instagram_business_account, {
        id: account.igAccountId,
        username: "fabrikam.talent",
      });
      assert.ok(!("instagram_business_account" in unlinked), "no key when no IG account is linked");
      const pageToken = linked.access_token;
      assert.equal(
        sandbox.state.tokens.get(pageToken)?.expiresAt,
        null,
        "Page tokens from a long-lived user token never expire",
      );

      const pageNode = await graph(sandbox, `graph.facebook.com/v25.0/${account.pageId}`, {
        token: pageToken,
        query: { fields: "instagram_business_account" },
      });
      assert.deepEqual(pageNode.body, {
        instagram_business_account: { id: account.igAccountId },
        id: account.pageId,
      });
      const lonelyNode = await graph(sandbox, `graph.facebook.com/v25.0/${lonely.id}`, {
        token: userToken,
        query: { fields: "instagram_business_account" },
      });
      assert.deepEqual(lonelyNode.body, { id: lonely.id });

      const withUserToken = await graph(
        sandbox,
        `graph.facebook.com/v25.0/${account.pageId}/subscribed_apps`,
        {
          method: "POST",
          token: userToken,
          query: { subscribed_fields: "messages" },
        },
      );
      assert.equal(withUserToken.body.error.code, 210);
      const subscribed = await graph(
        sandbox,
        `graph.facebook.com/v25.0/${account.pageId}/subscribed_apps`,
        {
          method: "POST",
          token: pageToken,
          query: { subscribed_fields: "messages,messaging_postbacks" },
        },
      );
      assert.deepEqual(subscribed.body, { success: true });
      const listed = await graph(
        sandbox,
        `graph.facebook.com/v25.0/${account.pageId}/subscribed_apps`,
        { token: pageToken },
      );
      assert.deepEqual(listed.body.data[0].subscribed_fields, ["messages", "messaging_postbacks"]);

      // An Instagram token is not a Facebook token.
      const igToken = await control(sandbox, "POST", "accounts", {
        username: "ig.only",
        loginPath: "instagram_login",
      });
      const crossed = await graph(sandbox, "graph.facebook.com/v25.0/me", {
        token: String(igToken.accessToken),
      });
      assert.equal(crossed.body.error.code, 190);
    } finally {
      await sandbox.stop();
    }
  },
);
