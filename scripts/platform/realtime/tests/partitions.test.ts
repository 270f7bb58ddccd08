/**
 * The daily partitions of realtime.messages, kept as Realtime's janitor keeps them: from
 * yesterday to three days ahead, nothing older than 72 hours, without ever deadlocking the
 * broadcasts and authorization checks that use the table meanwhile.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { platformEnv } from "../../../testing/platform-env.ts";
import { partitionsSqlFile } from "../partitions.ts";
import { sleep, testOptions } from "./clients.ts";

const STALE = "messages_2020_01_01";

async function partitions(sql: postgres.Sql) {
  const rows = await sql<{ relname: string; owner: string }[]>`
    select c.relname, pg_get_userbyid(c.relowner) as owner from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'realtime.messages'::regclass order by c.relname`;
  return rows;
}

Deno.test(
  "the janitor keeps partitions from yesterday to three days ahead, and gives way to their users",
  testOptions,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
    const janitor = await Deno.readTextFile(partitionsSqlFile);
    const user = await sql.reserve();
    try {
      await sql.unsafe(`create table if not exists realtime.${STALE} partition of realtime.messages
                        for values from ('2020-01-01') to ('2020-01-02')`);
      // a transaction such as an authorization check: it writes today's partition, then reads
      // them all; the janitor runs in between and must not deadlock it
      await user`begin`;
      // blocked behind the janitor, it fails instead of hanging the test
      await user`set local statement_timeout = '3s'`;
      await user`insert into realtime.messages (topic, extension) values ('janitor', 'broadcast')`;
      const janitorRun = sql.unsafe(janitor);
      await sleep(100);
      const [read] = await user`select count(*)::int as n from realtime.messages
                                where topic = 'janitor'`;
      assert.equal(read!.n, 1);
      // ...and the janitor gives up on what is in use rather than wait for it
      await Promise.race([
        janitorRun,
        sleep(3000).then(() => Promise.reject(new Error("the janitor waits for the table"))),
      ]);
      await user`rollback`;
      assert.ok((await partitions(sql)).some((p) => p.relname === STALE), "it gave way");

      await sql.unsafe(janitor);
      const [expected] = await sql<{ names: string[] }[]>`
        select array_agg('messages_' || to_char(d, 'YYYY_MM_DD') order by d) as names
        from generate_series(current_date - 1, current_date + 3, interval '1 day') d`;
      const kept = await partitions(sql);
      assert.deepEqual(
        kept.map((p) => p.relname).filter((name) => name <= expected!.names.at(-1)!),
        expected!.names,
        "yesterday to three days ahead, and nothing older",
      );
      assert.ok(kept.every((p) => p.owner === "supabase_realtime_admin"));
    } finally {
      await user`rollback`.catch(() => {});
      user.release();
      await sql`drop table if exists realtime.messages_2020_01_01`;
      await sql.end();
    }
  },
);
