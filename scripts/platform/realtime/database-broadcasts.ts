import postgres from "postgres";
import type { Broadcast } from "./frames.ts";
import { Topics } from "./topics.ts";

/** The publication Realtime's replication connection reads (ReplicationConnection.publication_name). */
const PUBLICATION = "supabase_realtime_messages_publication";
const JSONB = 3802;
const encoder = new TextEncoder();

interface MessageRow {
  id: string | null;
  topic: string | null;
  event: string | null;
  private: boolean | null;
  /** the jsonb column's text, as decoded */
  payload: string | null;
  binary_payload: Uint8Array | null;
}

/**
 * Broadcast from the database, as supabase/realtime Tenants.ReplicationConnection does it: every
 * committed insert into realtime.messages (realtime.send, realtime.broadcast_changes) is read by
 * logical decoding (pgoutput) and published to its topic, private or public as the row says, in
 * commit order. Rolled-back rows (the authorization probes among them) are never decoded.
 */
export function startDatabaseBroadcasts(
  databaseUrl: string,
  topics: Topics,
  log: (message: string) => void,
) {
  const sql = postgres(databaseUrl, {
    publications: PUBLICATION,
    onnotice: () => {},
    // a payload is forwarded as the JSON text Postgres decoded, not parsed and serialised again:
    // every webhook delivery broadcasts one or two rows of about a kilobyte (issue 12)
    types: { jsonbText: { to: JSONB, from: [JSONB], serialize: String, parse: String } },
  });
  let ready = false;
  let delivered = 0;
  let lastError: string | undefined;

  const onInsert = (row: postgres.Row | null, info: postgres.ReplicationEvent) => {
    if (!row) return;
    // partitions (messages_2026_12_02, ...) are decoded under their own names, as on Supabase
    if (info.relation.schema !== "realtime" || !info.relation.table.startsWith("messages")) return;
    try {
      const message = row as MessageRow;
      const key = Topics.key(message.topic ?? "", message.private ?? false);
      // no one listens: nothing to build, as Realtime's PubSub sends nothing to an empty topic
      if (!topics.has(key)) return;
      const broadcast = toBroadcast(message);
      if (!broadcast) return;
      topics.publish(key, broadcast);
      delivered++;
    } catch (error) {
      log(`[realtime] UnableToBroadcastChanges: ${error}`);
    }
  };

  sql.subscribe(
    "insert",
    onInsert,
    () => {
      ready = true;
    },
  ).catch((error: Error) => {
    lastError = error.message;
    log(`[realtime] broadcast from the database is off (wal_level must be logical): ${error}`);
  });

  return {
    ready: () => ready,
    status: () => ({ ready, delivered, lastError }),
    stop: () => sql.end({ timeout: 1 }),
  };
}

/** The user broadcast Realtime makes of a row: the payload as it is, the row's id as metadata. */
function toBroadcast(row: MessageRow): Broadcast | undefined {
  if (!row.id || !row.topic || !row.event || row.private === null) return undefined;
  if (row.binary_payload) {
    return {
      kind: "user",
      event: row.event,
      encoding: "binary",
      body: new Uint8Array(row.binary_payload),
      metadata: { id: row.id },
    };
  }
  if (row.payload === null || row.payload === undefined) return undefined;
  return {
    kind: "user",
    event: row.event,
    encoding: "json",
    body: encoder.encode(row.payload),
    metadata: { id: row.id },
  };
}
