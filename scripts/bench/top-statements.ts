import type postgres from "postgres";

/**
 * The `top` statements by Postgres time, per unit of work (pg_stat_statements, loaded with
 * `pg_stat_statements.track=all` so that nested statements, in triggers and functions, count).
 */
export async function printStatements(
  sql: postgres.Sql,
  top: number,
  units: number,
  unit: string,
) {
  type Statement = { toplevel: boolean; calls: number; ms: number; query: string };
  const rows: Statement[] = await sql<Statement[]>`
    select toplevel, calls::int, total_exec_time as ms, query from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())
    order by total_exec_time desc`;
  const topLevel = rows.filter((row) => row.toplevel);
  const sum = (list: Statement[], key: "calls" | "ms") =>
    list.reduce((total, row) => total + row[key], 0) / units;
  console.log(
    `  top-level statements per ${unit}: ${sum(topLevel, "calls").toFixed(1)}, ${
      sum(topLevel, "ms").toFixed(2)
    } ms executing`,
  );
  console.log(`  the ${top} statements that took longest (per ${unit}: calls, ms):`);
  for (const row of rows.slice(0, top)) {
    const query = row.query.replace(/\s+/g, " ").slice(0, 110);
    console.log(
      `    ${(row.calls / units).toFixed(2).padStart(6)} ${
        (row.ms / units).toFixed(3).padStart(7)
      } ${row.toplevel ? " " : "↳"} ${query}`,
    );
  }
}
