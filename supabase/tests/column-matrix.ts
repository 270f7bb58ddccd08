/**
 * The column matrix: which columns of each public table a role may insert and update, read from
 * Postgres's own privilege check (has_column_privilege, which counts table-wide grants too).
 * Written as lines `<table> <role> <insert|update> <column> <column> ...`; a (table, role,
 * operation) without a line may write no column.
 */
import type postgres from "postgres";

export const COLUMN_ROLES = ["authenticated", "anon"] as const;
const COLUMN_OPERATIONS = ["insert", "update"] as const;

/** "<table> <role> <operation>" to the sorted columns that role may write with it. */
export type ColumnMatrix = Record<string, string[]>;

export async function readColumnMatrix(sql: postgres.Sql, tables: string[]): Promise<ColumnMatrix> {
  const rows = await sql<{ table: string; role: string; operation: string; columns: string[] }[]>`
    select c.relname as table, r.role, o.operation,
           array_agg(a.attname::text order by a.attname) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    cross join unnest(${COLUMN_ROLES as unknown as string[]}::text[]) as r (role)
    cross join unnest(${COLUMN_OPERATIONS as unknown as string[]}::text[]) as o (operation)
    where c.relname = any(${tables}) and has_column_privilege(r.role, c.oid, a.attnum, o.operation)
    group by c.relname, r.role, o.operation`;
  return Object.fromEntries(rows.map((r) => [`${r.table} ${r.role} ${r.operation}`, r.columns]));
}

export function parseColumnMatrix(text: string): ColumnMatrix {
  const lines = text.trim().split("\n").map((line) => line.trim().split(/\s+/));
  return Object.fromEntries(
    lines.map(([table, role, operation, ...columns]) => [
      `${table} ${role} ${operation}`,
      columns.sort(),
    ]),
  );
}

/** One row per table and role: the columns it may insert, and those it may update ("-": none). */
export function formatColumnMatrix(matrix: ColumnMatrix, tables: string[]): string {
  const cell = (key: string) => matrix[key]?.join(", ") || "-";
  const lines = [["table", "role", "insertable columns", "updatable columns"]];
  for (const table of tables) {
    for (const role of COLUMN_ROLES) {
      lines.push([table, role, cell(`${table} ${role} insert`), cell(`${table} ${role} update`)]);
    }
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  return lines.map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd())
    .join("\n");
}

/** Every difference between two matrices, as sentences. */
export function columnMismatches(expected: ColumnMatrix, actual: ColumnMatrix): string[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return keys.flatMap((key) => {
    const want = new Set(expected[key] ?? []);
    const got = new Set(actual[key] ?? []);
    const wider = [...got].filter((column) => !want.has(column));
    const narrower = [...want].filter((column) => !got.has(column));
    return [
      ...(wider.length ? [`${key}: also writable: ${wider.join(", ")}`] : []),
      ...(narrower.length ? [`${key}: no longer writable: ${narrower.join(", ")}`] : []),
    ];
  });
}
