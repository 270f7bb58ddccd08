import type postgres from "postgres";

/** The current WAL insert position, to measure from. */
export async function walPosition(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ lsn: string }[]>`select pg_current_wal_insert_lsn()::text as lsn`;
  return row!.lsn;
}

/** WAL bytes written since `from`, every table's and every index's. */
export async function walSince(sql: postgres.Sql, from: string): Promise<number> {
  const [row] = await sql<{ bytes: string }[]>`
    select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ${from}::pg_lsn)::text as bytes`;
  return Number(row!.bytes);
}

/**
 * The `top` relations and record kinds by WAL bytes written since `from`, per unit of work
 * (pg_walinspect; a record counts toward the relation of its first block). Unlike time, bytes do
 * not move with the machine's load: a change to what a delivery writes shows in one short run.
 */
export async function printWalByRelation(
  sql: postgres.Sql,
  from: string,
  top: number,
  units: number,
  unit: string,
) {
  await sql`create extension if not exists pg_walinspect`;
  type Row = { relation: string; record: string; records: number; bytes: number };
  const rows = await sql<Row[]>`
    select coalesce(n.nspname || '.' || c.relname, b.relfilenode::text) as relation,
      b.resource_manager || ' ' || b.record_type as record,
      count(*)::int as records, sum(b.record_length)::float8 as bytes
    from pg_get_wal_block_info(${from}::pg_lsn, pg_current_wal_insert_lsn(), false) b
    left join pg_class c on pg_relation_filenode(c.oid) = b.relfilenode
    left join pg_namespace n on n.oid = c.relnamespace
    where b.block_id = 0
    group by 1, 2
    order by 4 desc`;
  console.log(`  WAL by relation and record (per ${unit}: records, bytes):`);
  for (const row of rows.slice(0, top)) {
    console.log(
      `    ${(row.records / units).toFixed(2).padStart(6)} ${
        (row.bytes / units).toFixed(0).padStart(6)
      }  ${row.record.padEnd(22)} ${row.relation}`,
    );
  }
}
