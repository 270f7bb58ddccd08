import type postgres from "postgres";

/**
 * The least a delivery of a new DM can do and still be one (webhook-ingest.ts `--floor`): stored
 * in the ledger, the message stored, its conversation moved. These triggers stay on; every other
 * trigger on messages and conversations goes off (the broadcasts members see live, the usage and
 * answer-time counters, the AI lease, the automations), and so does the preview's search index.
 * For a throwaway database only: nothing turns them back on.
 */
const KEPT_TRIGGERS = [
  "messages_apply_to_conversation",
  "messages_touch_updated_at",
  "conversations_touch_updated_at",
  "conversations_apply_default_ai_mode",
  "conversations_stamp_archived_at",
];
const SEARCH_INDEX = "conversations_preview_trgm_idx";

/** Turns the floor on; the names of what it turned off. */
export async function applyFloor(sql: postgres.Sql): Promise<string[]> {
  const triggers = await sql<{ table: string; name: string }[]>`
    select 'public.' || c.relname as table, t.tgname as name
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal
      and t.tgrelid in ('public.messages'::regclass, 'public.conversations'::regclass)
    order by 1, 2`;
  // a renamed trigger that moves the conversation would otherwise go off with the rest, and the
  // floor would do less than a delivery must
  const missing = KEPT_TRIGGERS.filter((name) => !triggers.some((t) => t.name === name));
  if (missing.length) throw new Error(`the floor keeps triggers that are gone: ${missing}`);
  const off = triggers.filter((t) => !KEPT_TRIGGERS.includes(t.name));
  for (const t of off) await sql.unsafe(`alter table ${t.table} disable trigger "${t.name}"`);
  await sql.unsafe(`drop index public.${SEARCH_INDEX}`);
  return [...off.map((t) => t.name), SEARCH_INDEX];
}
