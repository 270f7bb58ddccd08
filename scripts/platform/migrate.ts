import postgres from "postgres";
import { partitionsSqlFile } from "./realtime/partitions.ts";

const MIGRATION_NAME = /^([0-9]+)_(.*)\.sql$/;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
  seeded: boolean;
}

const rootDir = new URL("../../", import.meta.url);
const bootstrapFile = new URL("./sql/bootstrap.sql", import.meta.url);

/**
 * Brings a database to the repo's schema the way `supabase db reset` and `db push` do:
 * platform bootstrap (local only, with the current realtime.messages partitions), then every
 * `supabase/migrations/<version>_<name>.sql` not yet recorded in
 * supabase_migrations.schema_migrations, each in its own transaction, then the seed once per
 * database.
 */
export async function migrate(
  databaseUrl: string,
  options: { seed?: boolean; migrationsDir?: URL; seedFile?: URL } = {},
): Promise<MigrationReport> {
  const migrationsDir = options.migrationsDir ?? new URL("supabase/migrations/", rootDir);
  const seedFile = options.seedFile ?? new URL("supabase/seed.sql", rootDir);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(await Deno.readTextFile(bootstrapFile));
    await sql.unsafe(await Deno.readTextFile(partitionsSqlFile));
    await sql.unsafe(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key, statements text[], name text
      );
      create table if not exists supabase_migrations.seed_files (path text primary key, hash text not null);
    `);

    const done = new Set(
      (await sql<{ version: string }[]>`select version from supabase_migrations.schema_migrations`)
        .map((row) => row.version),
    );
    const report: MigrationReport = { applied: [], alreadyApplied: 0, seeded: false };
    for (const file of await migrationFiles(migrationsDir)) {
      if (done.has(file.version)) {
        report.alreadyApplied++;
        continue;
      }
      const text = await Deno.readTextFile(new URL(file.name, migrationsDir));
      await sql.begin(async (tx) => {
        await tx.unsafe(text);
        await tx`
          insert into supabase_migrations.schema_migrations (version, name, statements)
          values (${file.version}, ${file.label}, ${[text]})`;
      }).catch((error) => {
        throw new Error(`migration ${file.name} failed: ${error.message}`, { cause: error });
      });
      report.applied.push(file.name);
    }

    if (options.seed !== false) report.seeded = await applySeed(sql, seedFile);
    return report;
  } finally {
    await sql.end();
  }
}

async function migrationFiles(dir: URL) {
  const files: { name: string; version: string; label: string }[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      const match = entry.isFile ? MIGRATION_NAME.exec(entry.name) : null;
      if (match) files.push({ name: entry.name, version: match[1]!, label: match[2]! });
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** The seed runs once per database; an edited seed is reported, not re-run over existing data. */
async function applySeed(sql: postgres.Sql, seedFile: URL): Promise<boolean> {
  let text: string;
  try {
    text = await Deno.readTextFile(seedFile);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
  const hash = await sha256(text);
  const [previous] = await sql<{ hash: string }[]>`
    select hash from supabase_migrations.seed_files where path = 'supabase/seed.sql'`;
  if (previous) {
    if (previous.hash !== hash) {
      console.warn(
        "supabase/seed.sql changed since it was applied: run `npm run db:reset` to re-seed.",
      );
    }
    return false;
  }
  await sql.begin(async (tx) => {
    await tx.unsafe(text);
    await tx`insert into supabase_migrations.seed_files (path, hash) values ('supabase/seed.sql', ${hash})`;
  });
  return true;
}

async function sha256(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
