import assert from "node:assert/strict";
import { FunctionsHttpError } from "@supabase/supabase-js";
import { generateKeyPair, SignJWT } from "jose";
import { anonClient, platformEnv, signedInClient } from "../../testing/platform-env.ts";
import { resignedAccessToken } from "../../testing/resigned-token.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "functions.invoke('health') with a session reaches the function and its database",
  options,
  async () => {
    const { client, user } = await signedInClient("health");
    const { data, error } = await client.functions.invoke("health");
    assert.equal(error, null);
    assert.equal(data.status, "ok");
    assert.equal(data.database.status, "up");
    assert.equal(data.role, "authenticated");
    assert.equal(data.user_id, user.id);
  },
);

Deno.test("verify_jwt rejects a missing token and a forged one with 401", options, async () => {
  const { url } = platformEnv();
  const missing = await fetch(`${url}/functions/v1/health`, { method: "POST" });
  assert.equal(missing.status, 401);
  assert.deepEqual(await missing.json(), { msg: "Error: Missing authorization header" });

  // Right shape, wrong key: signed by a key the project never issued.
  const { privateKey } = await generateKeyPair("ES256");
  const forged = await new SignJWT({
    sub: crypto.randomUUID(),
    role: "authenticated",
    aud: "authenticated",
  })
    .setProtectedHeader({ alg: "ES256", kid: "forged" })
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(privateKey);
  const rejected = await fetch(`${url}/functions/v1/health`, {
    method: "POST",
    headers: { authorization: `Bearer ${forged}` },
  });
  assert.equal(rejected.status, 401);
  assert.deepEqual(await rejected.json(), { msg: "Invalid JWT" });

  const garbage = await fetch(`${url}/functions/v1/health`, {
    method: "POST",
    headers: { authorization: "Bearer not.a.jwt" },
  });
  assert.equal(garbage.status, 401);
  await garbage.body?.cancel();

  const viaClient = await anonClient().functions.invoke("health", {
    headers: { Authorization: `Bearer ${forged}` },
  });
  assert.ok(viaClient.error instanceof FunctionsHttpError);
  assert.equal(viaClient.error.context.status, 401);
});

Deno.test(
  "verify_jwt refuses an expired token with a genuine signature before the function runs",
  options,
  async () => {
    const { url } = platformEnv();
    const { session } = await signedInClient("expired-fn");
    const healthWith = (token: string) =>
      fetch(`${url}/functions/v1/health`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
      });
    const current = await healthWith(await resignedAccessToken(session.access_token, 600));
    assert.equal(current.status, 200);
    await current.body?.cancel();

    const expired = await healthWith(await resignedAccessToken(session.access_token, -60));
    assert.equal(expired.status, 401);
    // the gateway's answer, not the function's: the request never reached `health`
    assert.deepEqual(await expired.json(), { msg: "Invalid JWT" });
  },
);

Deno.test(
  "a browser preflight passes without a token and the response carries CORS headers",
  options,
  async () => {
    const { url } = platformEnv();
    const preflight = await fetch(`${url}/functions/v1/health`, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, x-client-info, apikey, content-type",
      },
    });
    await preflight.body?.cancel();
    assert.equal(preflight.status, 200);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /authorization/);
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /POST/);

    const { client } = await signedInClient("cors");
    const token = (await client.auth.getSession()).data.session!.access_token;
    const response = await fetch(`${url}/functions/v1/health`, {
      headers: { authorization: `Bearer ${token}`, origin: "http://127.0.0.1:5173" },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    await response.body?.cancel();
  },
);

Deno.test(
  "an unknown function is a 404 and the anon key alone passes verify_jwt as on the CLI",
  options,
  async () => {
    const { url, anonKey } = platformEnv();
    const unknown = await fetch(`${url}/functions/v1/no-such-function`, {
      method: "POST",
      headers: { authorization: `Bearer ${anonKey}` },
    });
    assert.equal(unknown.status, 404);
    await unknown.body?.cancel();

    const anon = await fetch(`${url}/functions/v1/health`, { headers: { apikey: anonKey } });
    assert.equal(anon.status, 200);
    assert.equal((await anon.json()).role, "anon");
  },
);
