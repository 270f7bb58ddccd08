import type postgres from "postgres";

const HOUR = 3_600_000;

/** The janitor's SQL, shared with scripts/platform/migrate.ts. */
export const partitionsSqlFile = new URL("../sql/realtime-partitions.sql", import.meta.url);
/** Realtime's janitor, hourly: keeps realtime.messages partitioned around today. */
export async function startPartitionJanitor(sql: postgres.Sql, log: (message: string) => void) {
  const maintain = await Deno.readTextFile(partitionsSqlFile);
  const run = () =>
    sql.unsafe(maintain).then(() => {}, (error) => {
      log(`[realtime] PartitionCreationFailed: ${error.message}`);
    });
  await run();
  const timer = setInterval(run, HOUR);
  return { stop: () => clearInterval(timer) };
}
