/**
 * The daily partitions of realtime.messages, kept as Realtime's janitor keeps them: from
 * yesterday to three days ahead, nothing older than 72 hours.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { platformEnv } from "../../../testing/platform-env.ts";
import { partitionsSqlFile } from "../partitions.ts";
import { testOptions } from "./clients.ts";

Deno.test(
  "the janitor keeps partitions from yesterday to three days ahead",
  testOptions,
  async () => {
    const sql = postgres(platformEnv().databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await sql`create table if not exists realtime.messages_2020_01_01 partition of realtime.messages
              for values from ('2020-01-01') to ('2020-01-02')`;
      await sql.unsafe(await Deno.readTextFile(partitionsSqlFile));
      const rows = await sql<{ relname: string; owner: string }[]>`
      select c.relname, pg_get_userbyid(c.relowner) as owner from pg_inherits i
      join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'realtime.messages'::regclass order by c.relname`;
      const [today] = await sql<{ names: string[] }[]>`
      select array_agg('messages_' || to_char(d, 'YYYY_MM_DD') order by d) as names
      from generate_series(current_date - 1, current_date + 3, interval '1 day') d`;
      assert.deepEqual(
        rows.map((row) => row.relname).filter((name) =>
          today!.names.includes(name) || name < today!.names[0]!
        ),
        today!.names,
        "yesterday to three days ahead, and nothing older",
      );
      assert.ok(rows.every((row) => row.owner === "supabase_realtime_admin"));
    } finally {
      await sql`drop table if exists realtime.messages_2020_01_01`;
      await sql.end();
    }
  },
);
