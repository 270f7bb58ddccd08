import { db } from "../db.ts";
import { texts } from "./inbound-messages.ts";

/** A delivery as the ledger keeps it (webhook_events), before anything is parsed. */
export interface LedgerRow {
  rawBody: string;
  headers: Record<string, string>;
  object: string | null;
  entryIds: string[];
  /** a JSON object with an `entry` array; anything else is stored `rejected` */
  envelope: boolean;
}

interface Waiting {
  row: LedgerRow;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Inserts out at once, and rows per insert. Deliveries that arrive while the inserts are out wait
 * for the next one and go in together (a group commit): under a burst one statement and one
 * commit serve many deliveries instead of one each, and a lone delivery goes at once.
 */
const MAX_INSERTS = 2;
const MAX_ROWS = 100;
const waiting: Waiting[] = [];
let inserting = 0;

/**
 * Stores a delivery in the ledger and answers its id once the row is committed: Meta's 200 waits
 * for it, so nothing answered is ever lost.
 */
export function storeDelivery(row: LedgerRow): Promise<number> {
  return new Promise((resolve, reject) => {
    waiting.push({ row, resolve, reject });
    insertWaiting();
  });
}

function insertWaiting() {
  while (inserting < MAX_INSERTS && waiting.length > 0) {
    const group = waiting.splice(0, MAX_ROWS);
    inserting++;
    insertGroup(group).finally(() => {
      inserting--;
      insertWaiting();
    });
  }
}

async function insertGroup(group: Waiting[]) {
  try {
    const ids = await insertRows(group.map((w) => w.row));
    group.forEach((w, i) => w.resolve(ids[i]!));
  } catch (error) {
    if (group.length === 1) return group[0]!.reject(error);
    // one row the table refuses must not fail the others: each on its own
    await Promise.all(
      group.map((w) => insertRows([w.row]).then(([id]) => w.resolve(id!), w.reject)),
    );
  }
}

/**
 * One statement, which is its own transaction, as the functions' database user (the owner of the
 * tables). asService would wrap it in a transaction with the service role set first: three more
 * statements and as many round trips for every group, most of what a delivery cost the gateway at
 * Meta's pace (issue 12). Nothing here reads the role or the claims. The parameters are typed
 * outright: this may be a new pool's first statement, sent before the pool knows the array types.
 */
async function insertRows(rows: LedgerRow[]): Promise<number[]> {
  const sql = db();
  const inserted = await sql<{ id: string }[]>`
    insert into public.webhook_events ${
    sql(rows.map((row) => ({
      platform: "instagram",
      raw_body: row.rawBody,
      headers: sql.json(row.headers),
      signature_valid: true,
      object: row.object,
      entry_ids: texts(sql, row.entryIds),
      status: row.envelope ? "received" : "rejected",
      last_error: row.envelope ? null : "body is not a webhook envelope",
    })))
  }
    returning id`;
  // the rows are inserted in the order given and take increasing ids from the identity: the
  // sorted ids are the rows' in that order
  return inserted.map((row) => Number(row.id)).sort((a, b) => a - b);
}
