/**
 * private.take_graph_call: Meta's calls per second per account and kind (docs/meta-platform.md §2
 * "Rate limits"), counted in Postgres for every caller at once, and closed to users.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { platformEnv } from "../../scripts/testing/platform-env.ts";
import { createTenant, removeTenant } from "../../scripts/testing/tenants.ts";
import { asCaller, sqlState } from "./actors.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

Deno.test(
  "graph call governor: Meta's limits per second, shared, users kept out",
  options,
  async (t) => {
    const sql = postgres(platformEnv().databaseUrl, { max: 6, onnotice: () => {} });
    const a = await createTenant(sql, "governor-a");
    const b = await createTenant(sql, "governor-b");
    /** `count` calls asked for at once from `callers` connections; the waits they got back */
    const burst = async (account: string, kind: string, count: number, callers = 4) => {
      const waits: number[] = [];
      await Promise.all(Array.from({ length: callers }, async (_, caller) => {
        for (let i = caller; i < count; i += callers) {
          const [row] = await sql<{ wait: number }[]>`
          select private.take_graph_call(${account}, ${kind}) as wait`;
          waits.push(row!.wait);
        }
      }));
      return waits;
    };
    const granted = (waits: number[]) => waits.filter((wait) => wait === 0).length;
    try {
      await t.step("text sends: 100 a second, however many callers ask", async () => {
        const started = performance.now();
        const waits = await burst(a.channelAccountId, "send_text", 130);
        const elapsed = performance.now() - started;
        assert.ok(
          elapsed < 900,
          `the burst must fit in one second to mean anything (${elapsed} ms)`,
        );
        assert.equal(granted(waits), 100);
        for (const wait of waits.filter((w) => w > 0)) {
          assert.ok(wait >= 1 && wait <= 1000, String(wait));
        }
      });

      await t.step("each account and kind has its own count", async () => {
        assert.equal(
          granted(await burst(b.channelAccountId, "send_text", 5)),
          5,
          "another account",
        );
        assert.equal(granted(await burst(a.channelAccountId, "send_audio_video", 15)), 10);
        assert.equal(granted(await burst(a.channelAccountId, "conversations", 5)), 2);
      });

      await t.step("a slot frees one second after the call that took it", async () => {
        const [first] = await sql<{ wait: number }[]>`
        select private.take_graph_call(${b.channelAccountId}, 'conversations') as wait`;
        assert.equal(first!.wait, 0);
        await sql`select private.take_graph_call(${b.channelAccountId}, 'conversations')`;
        const [refused] = await sql<{ wait: number }[]>`
        select private.take_graph_call(${b.channelAccountId}, 'conversations') as wait`;
        assert.ok(refused!.wait > 0);
        await new Promise((resolve) => setTimeout(resolve, refused!.wait + 20));
        const [again] = await sql<{ wait: number }[]>`
        select private.take_graph_call(${b.channelAccountId}, 'conversations') as wait`;
        assert.equal(again!.wait, 0, "after the wait it was told");
      });

      await t.step("an unknown kind is an error, not a free pass", async () => {
        assert.equal(
          await sqlState(sql`select private.take_graph_call(${a.channelAccountId}, 'anything')`),
          "22023",
        );
      });

      await t.step("only the service role may ask", async () => {
        const take = (tx: postgres.TransactionSql) =>
          tx`select private.take_graph_call(${a.channelAccountId}, 'send_text')`;
        assert.equal(
          await sqlState(asCaller({ kind: "user", claims: a.users.owner.claims }, take)),
          "42501",
        );
        assert.equal(await sqlState(asCaller({ kind: "anon" }, take)), "42501");
        assert.equal(
          await sqlState(
            asCaller(
              { kind: "user", claims: a.users.owner.claims },
              (tx) => tx`select * from private.graph_call_windows`,
            ),
          ),
          "42501",
        );
        assert.equal(await sqlState(asCaller({ kind: "service" }, take)), "none");
      });
    } finally {
      await removeTenant(sql, a);
      await removeTenant(sql, b);
      await sql.end();
    }
  },
);
