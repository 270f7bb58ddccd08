import postgres from "postgres";
import { migrate } from "../platform/migrate.ts";
import { startPostgres } from "../platform/postgres.ts";

export interface TestDatabase {
  url: string;
  /** superuser client, as the platform hands to the workers */
  sql: postgres.Sql;
  stop(): Promise<void>;
}

/** A throwaway cluster with only the platform bootstrap applied. */
export async function startTestDatabase(): Promise<TestDatabase> {
  const dir = await Deno.makeTempDir({ prefix: "dm-desk-workers-" });
  await Deno.chmod(dir, 0o755);
  const pg = await startPostgres({
    dataDir: `${dir}/data`,
    persistent: false,
    logFile: `${dir}/postgres.log`,
  });
  try {
    // app migrations may schedule cron jobs of their own, which would run under the tests
    await migrate(pg.url, { seed: false, migrationsDir: new URL(`file://${dir}/no-migrations/`) });
  } catch (error) {
    await pg.stop();
    throw error;
  }
  const sql = postgres(pg.url, { max: 10, onnotice: () => {} });
  return {
    url: pg.url,
    sql,
    async stop() {
      try {
        await sql.end({ timeout: 5 });
        await pg.stop();
      } finally {
        await Deno.remove(dir, { recursive: true }).catch(() => {});
      }
    },
  };
}
