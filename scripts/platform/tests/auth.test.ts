import assert from "node:assert/strict";
import postgres from "postgres";
import {
  anonClient,
  platformEnv,
  signedInClient,
  uniqueEmail,
} from "../../testing/platform-env.ts";
import { resignedAccessToken } from "../../testing/resigned-token.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test("supabase-js signUp gives a session for a confirmed user", options, async () => {
  const client = anonClient();
  const email = uniqueEmail("signup");
  const { data, error } = await client.auth.signUp({
    email,
    password: "correct-horse",
    options: { data: { full_name: "Ada" } },
  });
  assert.equal(error, null);
  assert.ok(data.session?.access_token);
  assert.equal(data.user?.email, email);
  assert.equal(data.user?.aud, "authenticated");
  assert.ok(data.user?.email_confirmed_at);
  assert.equal(data.user?.user_metadata.full_name, "Ada");
  assert.deepEqual(data.user?.app_metadata, { provider: "email", providers: ["email"] });
  assert.equal(data.user?.identities?.[0]?.provider, "email");
});

Deno.test(
  "signUp refuses a repeated email, a short password and a malformed address",
  options,
  async () => {
    const { email } = await signedInClient("dup");
    const again = await anonClient().auth.signUp({ email, password: "another-one" });
    assert.equal(again.error?.code, "user_already_exists");
    assert.equal(again.error?.status, 422);
    const weak = await anonClient().auth.signUp({ email: uniqueEmail("weak"), password: "12345" });
    assert.equal(weak.error?.code, "weak_password");
    assert.equal(weak.error?.message, "Password should be at least 6 characters.");
    const malformed = await anonClient().auth.signUp({
      email: "not-an-email",
      password: "long-enough",
    });
    assert.equal(malformed.error?.code, "email_address_invalid");
  },
);

Deno.test("signInWithPassword, getUser and the access token's claims", options, async () => {
  const { email, password, user } = await signedInClient("signin");
  const client = anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  assert.equal(error, null);
  const session = data.session!;
  assert.equal(session.token_type, "bearer");
  assert.equal(session.expires_in, 3600);
  const [header, payload] = session.access_token.split(".").slice(0, 2).map((part) =>
    JSON.parse(
      new TextDecoder().decode(
        Uint8Array.from(atob(part.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)),
      ),
    )
  );
  assert.equal(header.alg, "ES256");
  assert.ok(header.kid);
  assert.equal(payload.sub, user.id);
  assert.equal(payload.aud, "authenticated");
  assert.equal(payload.role, "authenticated");
  assert.equal(payload.iss, `${platformEnv().url}/auth/v1`);
  assert.equal(payload.email, email);
  assert.equal(payload.aal, "aal1");
  assert.equal(payload.is_anonymous, false);
  assert.ok(payload.session_id);

  const fetched = await client.auth.getUser();
  assert.equal(fetched.error, null);
  assert.equal(fetched.data.user?.id, user.id);

  const claims = await client.auth.getClaims();
  assert.equal(claims.error, null);
  assert.equal(claims.data?.claims.sub, user.id);
});

Deno.test("a wrong password gives invalid_credentials", options, async () => {
  const { email } = await signedInClient("wrongpw");
  const { data, error } = await anonClient().auth.signInWithPassword({
    email,
    password: "not-the-password",
  });
  assert.equal(data.session, null);
  assert.equal(error?.code, "invalid_credentials");
  assert.equal(error?.message, "Invalid login credentials");
  const unknown = await anonClient().auth.signInWithPassword({
    email: uniqueEmail("nobody"),
    password: "whatever",
  });
  assert.equal(unknown.error?.code, "invalid_credentials");
});

Deno.test(
  "refreshSession rotates the token; the used token is refused once outside the reuse interval",
  options,
  async () => {
    const { client, session: first } = await signedInClient("refresh");
    const second = await client.auth.refreshSession();
    assert.equal(second.error, null);
    assert.notEqual(second.data.session!.refresh_token, first.refresh_token);

    // The client lost the answer: the parent of the active token gets that same token back.
    const replay = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    assert.equal(replay.error, null);
    assert.equal(replay.data.session!.refresh_token, second.data.session!.refresh_token);

    const third = await client.auth.refreshSession();
    assert.equal(third.error, null);

    // Age the first token past GoTrue's 10 s reuse interval instead of sleeping.
    const sql = postgres(platformEnv().databaseUrl, { max: 1 });
    try {
      await sql`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = ${first.refresh_token}`;
    } finally {
      await sql.end();
    }
    const reused = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    assert.equal(reused.data.session, null);
    assert.equal(reused.error?.code, "refresh_token_already_used");
    assert.equal(reused.error?.message, "Invalid Refresh Token: Already Used");

    // Reuse detection ended the session: the newest token and access token are dead too.
    const newest = await anonClient().auth.refreshSession({
      refresh_token: third.data.session!.refresh_token,
    });
    assert.equal(newest.error?.code, "refresh_token_not_found");
    const user = await anonClient().auth.getUser(third.data.session!.access_token);
    assert.equal(user.data.user, null);
    assert.equal(user.error?.name, "AuthSessionMissingError");
  },
);

Deno.test(
  "signOut ends the session: the old access token is refused with session_not_found",
  options,
  async () => {
    const { client, session } = await signedInClient("signout");
    const { error } = await client.auth.signOut();
    assert.equal(error, null);
    const response = await fetch(`${platformEnv().url}/auth/v1/user`, {
      headers: {
        apikey: platformEnv().anonKey,
        authorization: `Bearer ${session.access_token}`,
        "x-supabase-api-version": "2024-01-01",
      },
    });
    assert.equal(response.status, 403);
    assert.deepEqual((await response.json()).code, "session_not_found");
    const refreshed = await anonClient().auth.refreshSession({
      refresh_token: session.refresh_token,
    });
    assert.equal(refreshed.error?.code, "refresh_token_not_found");
  },
);

Deno.test(
  "a banned user can neither sign in nor refresh; the refresh token survives the ban untouched",
  options,
  async () => {
    const { client, email, password, user, session } = await signedInClient("banned");
    const sql = postgres(platformEnv().databaseUrl, { max: 1 });
    const banUntil = (interval: string) =>
      sql`update auth.users set banned_until = now() + ${interval}::interval where id = ${user.id}`;
    try {
      // a ban that has already run out stops nothing
      await banUntil("-1 minute");
      const afterOldBan = await client.auth.refreshSession();
      assert.equal(afterOldBan.error, null);
      const token = afterOldBan.data.session!.refresh_token;

      await banUntil("1 hour");
      const signIn = await anonClient().auth.signInWithPassword({ email, password });
      assert.equal(signIn.error?.code, "user_banned");
      assert.equal(signIn.error?.status, 400);
      const refreshed = await anonClient().auth.refreshSession({ refresh_token: token });
      assert.equal(refreshed.data.session, null);
      assert.equal(refreshed.error?.code, "user_banned");
      assert.equal(refreshed.error?.status, 400);
      assert.equal(refreshed.error?.message, "Invalid Refresh Token: User Banned");

      // refused before rotation, as GoTrue does: once the ban is lifted the same token works
      await sql`update auth.users set banned_until = null where id = ${user.id}`;
      const lifted = await anonClient().auth.refreshSession({ refresh_token: token });
      assert.equal(lifted.error, null);
      assert.notEqual(lifted.data.session!.refresh_token, session.refresh_token);
    } finally {
      await sql.end();
    }
  },
);

Deno.test(
  "/auth/v1/user refuses an expired access token although its signature is genuine",
  options,
  async () => {
    const { session, user } = await signedInClient("expired");
    const userWith = (token: string) =>
      fetch(`${platformEnv().url}/auth/v1/user`, {
        headers: {
          apikey: platformEnv().anonKey,
          authorization: `Bearer ${token}`,
          "x-supabase-api-version": "2024-01-01",
        },
      });
    // the same claims and key with a future expiry pass: the key is the platform's own
    const current = await userWith(await resignedAccessToken(session.access_token, 600));
    assert.equal(current.status, 200);
    assert.equal((await current.json()).id, user.id);

    const expired = await resignedAccessToken(session.access_token, -60);
    const refused = await userWith(expired);
    assert.equal(refused.status, 403);
    const body = await refused.json();
    assert.equal(body.code, "bad_jwt");
    assert.equal(
      body.message,
      "invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired",
    );
    const viaClient = await anonClient().auth.getUser(expired);
    assert.equal(viaClient.data.user, null);
    assert.equal(viaClient.error?.status, 403);
  },
);

Deno.test("GoTrue's two error formats depend on X-Supabase-Api-Version", options, async () => {
  const { url, anonKey } = platformEnv();
  const body = JSON.stringify({ email: uniqueEmail("fmt"), password: "nope-nope" });
  const versioned = await fetch(`${url}/auth/v1/token?grant_type=password`, {
    method: "POST",
    body,
    headers: {
      apikey: anonKey,
      "content-type": "application/json",
      "x-supabase-api-version": "2024-01-01",
      origin: "http://example.test",
    },
  });
  assert.equal(versioned.status, 400);
  assert.equal(versioned.headers.get("x-supabase-api-version"), "2024-01-01");
  assert.match(
    versioned.headers.get("access-control-expose-headers") ?? "",
    /X-Supabase-Api-Version/,
  );
  assert.deepEqual(await versioned.json(), {
    code: "invalid_credentials",
    message: "Invalid login credentials",
  });

  const legacy = await fetch(`${url}/auth/v1/token?grant_type=password`, {
    method: "POST",
    body,
    headers: { apikey: anonKey, "content-type": "application/json" },
  });
  assert.deepEqual(await legacy.json(), {
    code: 400,
    error_code: "invalid_credentials",
    msg: "Invalid login credentials",
  });
});

Deno.test("auth needs a project API key and publishes its JWKS", options, async () => {
  const { url } = platformEnv();
  const missing = await fetch(`${url}/auth/v1/settings`);
  assert.equal(missing.status, 401);
  assert.deepEqual(await missing.json(), { message: "No API key found in request" });
  const wrong = await fetch(`${url}/auth/v1/settings`, { headers: { apikey: "nope" } });
  assert.equal(wrong.status, 401);
  await wrong.body?.cancel();

  const jwksResponse = await fetch(`${url}/auth/v1/.well-known/jwks.json`);
  assert.equal(jwksResponse.headers.get("cache-control"), "public, max-age=600");
  const { keys } = await jwksResponse.json();
  assert.equal(keys.length, 1);
  assert.equal(keys[0].alg, "ES256");
  assert.equal(keys[0].kty, "EC");
  assert.equal(keys[0].d, undefined, "the private part must never be published");
});
