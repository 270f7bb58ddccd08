/**
 * supabase/migrations from zero on a throwaway cluster, as `supabase db reset` would: every file
 * once, in order, recorded, seed applied once; a failing migration rolls back whole and is not
 * recorded, while the ones before it stay.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { migrate } from "../../scripts/platform/migrate.ts";
import { startPostgres } from "../../scripts/platform/postgres.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const migrationsDir = new URL("../migrations/", import.meta.url);

async function migrationFiles(dir: URL): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && /^[0-9]+_.*\.sql$/.test(entry.name)) names.push(entry.name);
  }
  return names.sort();
}

Deno.test("migrations: from zero, idempotent, a failure rolls back", options, async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "dm-desk-migrations-" });
  await Deno.chmod(dir, 0o755);
  const pg = await startPostgres({
    dataDir: `${dir}/data`,
    persistent: false,
    logFile: `${dir}/postgres.log`,
  });
  const sql = postgres(pg.url, { max: 2, onnotice: () => {} });
  const files = await migrationFiles(migrationsDir);
  const state = async (db: postgres.Sql = sql) => {
    const [row] = await db`
      select
        (select coalesce(array_agg(version order by version), '{}')
           from supabase_migrations.schema_migrations) as versions,
        (select coalesce(array_agg(c.relname::text order by c.relname), '{}') from pg_class c
           join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r') as tables,
        (select count(*)::int from auth.users where email = 'demo@dmdesk.local') as demo_users,
        (select count(*)::int from supabase_migrations.seed_files) as seeds`;
    return { ...row! };
  };

  try {
    await t.step(
      "every migration applies to an empty cluster, in order, then the seed",
      async () => {
        const [before] = await sql`
        select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public'`;
        assert.equal(before!.n, 0);
        assert.ok(files.length > 0);

        const report = await migrate(pg.url, { seed: true });
        assert.deepEqual(report, { applied: files, alreadyApplied: 0, seeded: true });
        const after = await state();
        assert.deepEqual(after.versions, files.map((name) => name.split("_")[0]));
        assert.deepEqual(after.tables, [
          "ai_analysis_jobs",
          "ai_settings",
          "automation_settings",
          "channel_accounts",
          "channel_insights",
          "channel_insights_syncs",
          "comment_analyses",
          "comment_rule_runs",
          "comment_rules",
          "comments",
          "contacts",
          "conversations",
          "deals",
          "dm_analysis_counts",
          "dm_answer_counts",
          "dm_answers",
          "graph_call_counts",
          "imo_invitations",
          "imo_members",
          "imo_plan_changes",
          "imo_subscriptions",
          "imos",
          "message_analyses",
          "message_templates",
          "messages",
          "oauth_states",
          "pending_connections",
          "posts",
          "publications",
          "qualification_transitions",
          "recruiting_leads",
          "scheduled_messages",
          "subscription_plans",
          "usage_counters",
          "webhook_event_failures",
          "webhook_events",
          "webhook_pending_events",
          "webhook_rejections",
          "webhook_unknown_events",
        ]);
        assert.deepEqual([after.demo_users, after.seeds], [1, 1]);
        const plans = await sql`select code from public.subscription_plans order by code`;
        assert.deepEqual(plans.map((p) => p.code), ["free", "pro", "team"]);
      },
    );

    await t.step("a second run applies nothing and does not seed again", async () => {
      const before = await state();
      const report = await migrate(pg.url, { seed: true });
      assert.deepEqual(report, { applied: [], alreadyApplied: files.length, seeded: false });
      assert.deepEqual(await state(), before);
    });

    await t.step("a failing migration rolls back and is not recorded", async () => {
      await sql`create database failing_migrations`;
      const url = pg.url.replace(/\/postgres$/, "/failing_migrations");
      const failingDir = `${dir}/failing-migrations`;
      await Deno.mkdir(failingDir);
      const good = "20990101000000_good.sql";
      const bad = "20990101000100_bad.sql";
      await Deno.writeTextFile(
        `${failingDir}/${good}`,
        "create table public.good_table (id int primary key);",
      );
      await Deno.writeTextFile(
        `${failingDir}/${bad}`,
        `create table public.bad_table (id int primary key);
         insert into public.good_table values (1);
         select 1 / 0;`,
      );
      const dirUrl = new URL(`file://${failingDir}/`);

      await assert.rejects(
        migrate(url, { seed: false, migrationsDir: dirUrl }),
        /migration 20990101000100_bad\.sql failed: division by zero/,
      );
      const db = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const after = await state(db);
        assert.deepEqual(after.versions, ["20990101000000"]);
        assert.deepEqual(after.tables, ["good_table"]);
        const rows = await db`select count(*)::int as n from public.good_table`;
        assert.equal(rows[0]!.n, 0, "the failed migration's insert was rolled back");

        // once fixed, the next run applies just that one
        await Deno.writeTextFile(
          `${failingDir}/${bad}`,
          "create table public.bad_table (id int primary key);",
        );
        const report = await migrate(url, { seed: false, migrationsDir: dirUrl });
        assert.deepEqual(report, { applied: [bad], alreadyApplied: 1, seeded: false });
        assert.deepEqual((await state(db)).tables, ["bad_table", "good_table"]);
      } finally {
        await db.end();
      }
    });
  } finally {
    await sql.end();
    await pg.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
});
