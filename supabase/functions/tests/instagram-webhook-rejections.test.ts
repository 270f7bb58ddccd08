/**
 * Unsigned or wrongly signed POSTs can come from anyone: what they leave must be small, bounded
 * per minute whatever the flood, and deleted after 7 days.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { rejectionRecord, REJECTIONS_RECORDED_PER_MINUTE } from "../_shared/webhooks/rejections.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { platformEnv } from "../../../scripts/testing/platform-env.ts";
import { metaSignature } from "../../../scripts/testing/webhook-corpus.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const FLOOD = 1000;
const CONCURRENCY = 20;

const sha256 = async (bytes: Uint8Array<ArrayBuffer>) =>
  Array.from(
    new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");

async function withSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(platformEnv().databaseUrl, { max: 2, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

/** Every rejection since `since`'s minute began: recorded rows plus those only counted. */
async function rejectionsSince(sql: postgres.Sql, since: Date) {
  const [row] = await sql<{ total: number }[]>`
    select coalesce(sum(1 + unrecorded), 0)::int as total from public.webhook_rejections
    where received_at >= date_trunc('minute', ${since}::timestamptz)`;
  return row!.total;
}

Deno.test(
  "a rejection keeps the size, the hash, 256 bytes and a few headers cut short, never the body",
  async () => {
    const body = new Uint8Array(10_000).map((_, i) => i % 251);
    const request = new Request("http://function.local/instagram-webhook", {
      method: "POST",
      headers: {
        "user-agent": "x".repeat(8000),
        "x-hub-signature-256": `sha256=${"ab".repeat(32)}`,
        cookie: "session=secret",
        "x-forwarded-for": "203.0.113.7",
      },
      body,
    });
    const record = await rejectionRecord(request, body, "X-Hub-Signature-256 does not match");
    assert.equal(record.body_bytes, 10_000);
    assert.equal(record.body_sha256, await sha256(body));
    assert.deepEqual(record.body_prefix, body.slice(0, 256));
    assert.deepEqual(Object.keys(record.headers).sort(), [
      "user-agent",
      "x-forwarded-for",
      "x-hub-signature-256",
    ]);
    assert.equal(record.headers["user-agent"], "x".repeat(120));
    assert.equal(record.headers["x-hub-signature-256"], `sha256=${"ab".repeat(32)}`);
  },
);

Deno.test(
  `a flood of ${FLOOD} unsigned or wrongly signed POSTs leaves at most ${REJECTIONS_RECORDED_PER_MINUTE} small rows a minute, and counts them all`,
  options,
  () =>
    withSql(async (sql) => {
      const marker = `dmdesk-flood/${crypto.randomUUID()}`;
      const endpoint = `${platformEnv().url}/functions/v1/instagram-webhook`;
      const started = new Date();
      const before = await rejectionsSince(sql, started);
      let next = 0;
      const statuses = new Map<number, number>();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < FLOOD) {
          const i = next++;
          // up to 16 KB of JSON-looking junk (what the ledger used to keep of each); every other
          // one carries a signature made with a secret that is not ours
          const body = new TextEncoder().encode(
            JSON.stringify({ object: "instagram", entry: [], pad: "z".repeat((i * 997) % 16_384) }),
          );
          const headers: Record<string, string> = {
            "content-type": "application/json",
            "user-agent": marker,
          };
          if (i % 2) headers["x-hub-signature-256"] = await metaSignature("not-the-secret", body);
          const response = await fetch(endpoint, { method: "POST", headers, body });
          await response.body?.cancel();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }));
      assert.deepEqual([...statuses], [[401, FLOOD]]);

      // past the limit they are counted in memory and added to the minute's last row each second
      await eventually(
        async () => (await rejectionsSince(sql, started)) - before >= FLOOD,
        "every rejection to be counted, recorded or not",
      );
      const perMinute = await sql<{ minute: Date; rows: number }[]>`
        select date_trunc('minute', received_at) as minute, count(*)::int as rows
        from public.webhook_rejections
        where received_at >= date_trunc('minute', ${started}::timestamptz)
        group by 1 having count(*) > ${REJECTIONS_RECORDED_PER_MINUTE}`;
      assert.deepEqual([...perMinute], [], "no minute holds more rows than the limit");

      const ours = await sql<
        { reason: string; body_bytes: number; prefix: number; headers: number }[]
      >`
        select reason, body_bytes, length(body_prefix) as prefix, octet_length(headers::text) as headers
        from public.webhook_rejections where headers ->> 'user-agent' = ${marker}`;
      const minutes = Math.floor(Date.now() / 60_000) - Math.floor(started.getTime() / 60_000) + 1;
      assert.ok(ours.length <= REJECTIONS_RECORDED_PER_MINUTE * minutes, `${ours.length} rows`);
      for (const row of ours) {
        assert.ok(
          ["missing X-Hub-Signature-256", "X-Hub-Signature-256 does not match the body"]
            .includes(row.reason),
          row.reason,
        );
        assert.ok(row.body_bytes > 0 && row.prefix <= 256 && row.headers <= 2048);
      }
      const [ledger] = await sql<{ n: number }[]>`
        select count(*)::int as n from public.webhook_events
        where headers ->> 'user-agent' = ${marker}`;
      assert.equal(ledger!.n, 0, "nothing unsigned reaches the ledger");
    }),
);

Deno.test(
  "the retention job deletes rejections older than 7 days, and the table refuses oversized fields",
  options,
  () =>
    withSql(async (sql) => {
      const hash = (digit: string) => digit.repeat(64);
      const insert = (age: string, digit: string) =>
        sql`insert into public.webhook_rejections (platform, received_at, reason, body_bytes, body_sha256, body_prefix)
            values ('instagram', now() - ${age}::interval, 'retention test', 1, ${
          hash(digit)
        }, '\\x7b')`;
      await insert("8 days", "8");
      await insert("6 days", "6");
      const [job] = await sql<{ command: string; schedule: string }[]>`
        select command, schedule from cron.job where jobname = 'webhook-rejections-retention'`;
      assert.equal(job!.schedule, "41 * * * *");
      await sql.unsafe(job!.command);
      const left = await sql<{ body_sha256: string }[]>`
        select body_sha256 from public.webhook_rejections
        where body_sha256 in (${hash("8")}, ${hash("6")})`;
      assert.deepEqual(left.map((r) => r.body_sha256), [hash("6")]);
      await sql`delete from public.webhook_rejections where body_sha256 = ${hash("6")}`;

      const refused = await sql`
        insert into public.webhook_rejections (platform, reason, body_bytes, body_sha256, body_prefix)
        values ('instagram', 'too long a prefix', 300, ${hash("a")}, ${"\\x" + "00".repeat(257)})`
        .then(() => "stored", (error) => error.code);
      assert.equal(refused, "23514");
    }),
);

Deno.test(
  "unsigned POSTs the ledger held before move to rejections in the bounded form",
  options,
  () =>
    withSql(async (sql) => {
      const body = `{"object":"instagram","pad":"${"é".repeat(8000)}"}`;
      const [old] = await sql<{ id: string }[]>`
        insert into public.webhook_events (platform, received_at, raw_body, headers, signature_valid, status, last_error)
        values ('instagram', now() - interval '2 days', ${body},
          ${sql.json({ "user-agent": "u".repeat(5000), "content-type": "application/json" })},
          false, 'rejected', 'missing or invalid X-Hub-Signature-256')
        returning id`;
      const migration = await Deno.readTextFile(
        new URL(
          "../../migrations/20261202110300_move_unsigned_webhook_events_to_rejections.sql",
          import.meta.url,
        ),
      );
      await sql.begin((tx) => tx.unsafe(migration));
      const hash = await sha256(new TextEncoder().encode(body));
      const [moved] = await sql<
        { reason: string; body_bytes: number; prefix: number; agent: string }[]
      >`
        select reason, body_bytes, length(body_prefix) as prefix, headers ->> 'user-agent' as agent
        from public.webhook_rejections where body_sha256 = ${hash}`;
      assert.deepEqual({ ...moved }, {
        reason: "missing or invalid X-Hub-Signature-256",
        body_bytes: new TextEncoder().encode(body).length,
        prefix: 256,
        agent: "u".repeat(120),
      });
      const left = await sql`select 1 from public.webhook_events where id = ${old!.id}`;
      assert.equal(left.length, 0);
      await sql`delete from public.webhook_rejections where body_sha256 = ${hash}`;
    }),
);
