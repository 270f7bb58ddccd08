import { afterResponse } from "../after-response.ts";
import { asService } from "../db.ts";

/** Rows a minute; past that the minute's last row counts the rest (`unrecorded`). */
export const REJECTIONS_RECORDED_PER_MINUTE = 10;
const PREFIX_BYTES = 256;
const HEADER_CHARS = 120;
const KEPT_HEADERS = [
  "x-hub-signature-256",
  "content-type",
  "content-length",
  "user-agent",
  "x-forwarded-for",
];

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** The headers a ledger row or a rejection keeps, each value cut short. */
export function keptHeaders(request: Request): Record<string, string> {
  return Object.fromEntries(KEPT_HEADERS.flatMap((name) => {
    const value = request.headers.get(name);
    return value === null ? [] : [[name, value.slice(0, HEADER_CHARS)]];
  }));
}

export interface RejectionRecord {
  reason: string;
  body_bytes: number;
  body_sha256: string;
  body_prefix: Uint8Array;
  headers: Record<string, string>;
}

/**
 * What is kept of a POST that failed the signature check: anyone can send one, so its size, hash,
 * a few headers cut short and the first 256 bytes, never the body (the table's checks hold these
 * bounds too).
 */
export async function rejectionRecord(
  request: Request,
  raw: Uint8Array<ArrayBuffer>,
  reason: string,
): Promise<RejectionRecord> {
  return {
    reason,
    body_bytes: raw.byteLength,
    body_sha256: hex(new Uint8Array(await crypto.subtle.digest("SHA-256", raw))),
    body_prefix: raw.slice(0, PREFIX_BYTES),
    headers: keptHeaders(request),
  };
}

/** A minute this instance found full: its last row, and the rejections not yet counted on it. */
interface FullMinute {
  minute: number;
  lastId: string;
  uncounted: number;
  flushing: boolean;
}
let fullMinute: FullMinute | null = null;
// a flood past the limit costs one update a second, not a transaction per POST
const FLUSH_AFTER_MS = 1000;

/**
 * Stores a rejection, rate-limited. Until the minute holds REJECTIONS_RECORDED_PER_MINUTE rows:
 * one short transaction, serialised by an advisory lock so that the count of the minute's rows is
 * exact, that adds a row or counts one more on the minute's last row (`unrecorded`). Once this
 * instance has seen the minute full, the rest of the minute is counted in memory and added to
 * that row once a second: a flood neither waits on the lock nor holds the connections that Meta's
 * deliveries need.
 */
export async function recordRejection(record: RejectionRecord): Promise<void> {
  const minute = Math.floor(Date.now() / 60_000);
  if (fullMinute?.minute === minute) {
    fullMinute.uncounted++;
    if (!fullMinute.flushing) afterResponse(flushLater(fullMinute));
    return;
  }
  const [outcome] = await asService(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended('public.webhook_rejections', 0))`;
    return await tx<{ full: boolean; last_id: string }[]>`
      with minute as (
        select count(*)::int as recorded, max(id) as last_id from public.webhook_rejections
        where received_at >= date_trunc('minute', now())
      ), kept as (
        insert into public.webhook_rejections (platform, reason, body_bytes, body_sha256, body_prefix, headers)
        select 'instagram', ${record.reason}, ${record.body_bytes}, ${record.body_sha256},
          decode(${hex(record.body_prefix)}, 'hex'), ${tx.json(record.headers)}
        from minute where recorded < ${REJECTIONS_RECORDED_PER_MINUTE}
        returning id
      ), counted as (
        update public.webhook_rejections set unrecorded = unrecorded + 1
        where id = (select last_id from minute where recorded >= ${REJECTIONS_RECORDED_PER_MINUTE})
        returning id
      )
      select (select recorded from minute) + (select count(*) from kept) >= ${REJECTIONS_RECORDED_PER_MINUTE} as full,
        coalesce((select id from kept), (select id from counted))::text as last_id`;
  });
  if (outcome?.full && outcome.last_id) {
    fullMinute = { minute, lastId: outcome.last_id, uncounted: 0, flushing: false };
  }
}

async function flushLater(state: FullMinute) {
  state.flushing = true;
  await new Promise((resolve) => setTimeout(resolve, FLUSH_AFTER_MS));
  const count = state.uncounted;
  state.uncounted = 0;
  state.flushing = false;
  await asService((tx) =>
    tx`update public.webhook_rejections set unrecorded = unrecorded + ${count}
       where id = ${state.lastId}`
  );
}
