/**
 * No table is reachable through the Data API (PostgREST) on a deployed project: config.toml says
 * `[api] enabled = false`, which `supabase config push` sends to the project (README "Deploy"), and
 * the local platform answers as such a project does. RLS stays on every table as defence in depth
 * (rls-matrix.test.ts).
 */
import assert from "node:assert/strict";
import { parse } from "smol-toml";
import postgres from "postgres";
import { dataApiResponse, isDataApiPath } from "../../scripts/platform/data-api.ts";
import { readProjectConfig, supabaseDir } from "../../scripts/platform/project-config.ts";
import { anonClient, platformEnv, signedInClient } from "../../scripts/testing/platform-env.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test("config.toml turns the Data API off, in so many words", async () => {
  // written out, not left to a default: the CLI's default is on
  const raw = parse(await Deno.readTextFile(new URL("config.toml", supabaseDir)));
  assert.equal((raw.api as Record<string, unknown> | undefined)?.enabled, false);
  assert.equal((await readProjectConfig()).api.enabled, false);
});

Deno.test(
  "no public table or function answers through /rest/v1 or /graphql/v1",
  options,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
    const tables = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')`;
    await sql.end();
    assert.ok(tables.length >= 10, `only ${tables.length} tables`);

    const { client: member } = await signedInClient("data-api");
    for (const client of [anonClient(), member]) {
      for (const { name } of tables) {
        const { data, status } = await client.from(name).select("*").limit(1);
        assert.deepEqual([name, status, data], [name, 404, null]);
      }
      const rpc = await client.rpc("mark_conversation_read", {
        conversation_id: crypto.randomUUID(),
      });
      assert.deepEqual([rpc.status, rpc.data], [404, null]);
    }
    const graphql = await fetch(`${platformEnv().url}/graphql/v1`, {
      method: "POST",
      headers: { apikey: platformEnv().anonKey, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    await graphql.body?.cancel();
    assert.equal(graphql.status, 404);
  },
);

Deno.test("the local platform says so when config.toml turns the Data API on", async () => {
  const on = dataApiResponse({ enabled: true });
  await on.body?.cancel();
  assert.equal(on.status, 501);
  assert.deepEqual(
    ["/rest/v1", "/rest/v1/messages", "/graphql/v1", "/rest/v10", "/functions/v1/health"].map(
      isDataApiPath,
    ),
    [true, true, true, false, false],
  );
});
