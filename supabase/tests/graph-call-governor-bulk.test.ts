/**
 * private.take_graph_calls: many slots in one request, counted with the single ones of
 * private.take_graph_call in the same sliding second.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import { createTenant, removeTenant } from "../../scripts/testing/tenants.ts";
import { attempt } from "./actors.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "bulk grants stop at the limit, share it with single calls, say when to come back",
  options,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
    const tenant = await createTenant(sql, "governor-bulk");
    const account = tenant.channelAccountId;
    const take = async (wanted: number) =>
      (await sql<{ granted: number; wait_ms: number }[]>`
      select granted, wait_ms from private.take_graph_calls(${account}, 'send_text', ${wanted})`)[
        0
      ]!;
    try {
      const started = performance.now();
      assert.deepEqual({ ...await take(60) }, { granted: 60, wait_ms: 0 });
      const [single] = await sql`select private.take_graph_call(${account}, 'send_text') as wait`;
      assert.equal(single!.wait, 0);
      const partial = await take(60);
      assert.equal(partial.granted, 39, "100 a second: 60 + 1 + 39");
      assert.ok(partial.wait_ms >= 1 && partial.wait_ms <= 1000, String(partial.wait_ms));
      const none = await take(5);
      assert.equal(none.granted, 0);
      const [refused] = await sql`select private.take_graph_call(${account}, 'send_text') as wait`;
      assert.ok(refused!.wait > 0, "a single call finds no room either");
      assert.ok(performance.now() - started < 900, "all inside one second");

      // the wait points at the first 60, taken at one instant: then at least they are free again
      await new Promise((resolve) => setTimeout(resolve, none.wait_ms));
      const freed = (await take(70)).granted;
      assert.ok(freed >= 60 && freed <= 70, String(freed));
      await assert.rejects(take(0), /wanted must be at least 1/);
      assert.equal(
        await attempt(
          { kind: "user", claims: tenant.users.owner.claims },
          `select * from private.take_graph_calls($1, 'send_text', 1)`,
          [account],
        ),
        "denied",
      );
    } finally {
      await removeTenant(sql, tenant);
      await sql.end();
    }
  },
);
