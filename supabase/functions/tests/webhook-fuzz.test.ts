/**
 * 1,000 malformed, wrongly signed or hostile bodies POSTed straight at instagram-webhook, 20 at a
 * time. Every answer must be a 4xx, or a 200 for a correctly signed envelope; never a 5xx. Then
 * the ledger must be consistent: every row of the run final after the drain, every rejected row
 * explained, and nothing stored for the junk. The seed is printed; FUZZ_SEED=<n> replays a run.
 */
import assert from "node:assert/strict";
import { connectSandboxAccount } from "../../../scripts/testing/connected-account.ts";
import { eventually } from "../../../scripts/testing/eventually.ts";
import { platformEnv } from "../../../scripts/testing/platform-env.ts";
import { metaSignature, runDrain } from "../../../scripts/testing/webhook-corpus.ts";
import { createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const REQUESTS = 1000;
const CONCURRENCY = 20;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** mulberry32: small, seedable, good enough to pick cases */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    bytes: (length: number) => Uint8Array.from({ length }, () => Math.floor(next() * 256)),
  };
}
type Rng = ReturnType<typeof prng>;

const encode = (text: string) => new TextEncoder().encode(text);

interface FuzzCase {
  kind: string;
  body: Uint8Array;
  /** how the signature header is made: right, wrong, absent, or a literal value */
  signature: "valid" | "wrong" | "none" | { header: string };
  /** an extra header (huge values) */
  extraHeaders?: Record<string, string>;
  /** the body's entry ids are accounts nobody connected: nothing may be stored for them */
  unknownEntries?: string[];
}

/**
 * What the handler should answer: 413 above 4 MB, 401 unless correctly signed, 200 for a body
 * that is a JSON object with an `entry` array, else 400. Huge headers may also be refused by the
 * HTTP server (a 4xx) before the function runs.
 */
function expectedStatus(item: FuzzCase, signedRight: boolean): number {
  if (item.body.byteLength > MAX_BODY_BYTES) return 413;
  if (!signedRight) return 401;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(item.body));
  } catch {
    return 400;
  }
  const isEnvelope = typeof parsed === "object" && parsed !== null &&
    Array.isArray((parsed as { entry?: unknown }).entry);
  return isEnvelope ? 200 : 400;
}

function buildCases(rng: Rng, runId: string, knownAccount: string): FuzzCase[] {
  let serial = 0;
  const unknownId = () => `9${runId}${String(serial++).padStart(5, "0")}`;
  const junkEvent = (recipient: string): unknown => {
    const sender = { id: `7${runId}${rng.int(1e6)}` };
    const mid = `fuzz-${runId}-${serial++}`;
    return rng.pick<() => unknown>([
      () => rng.int(1e9),
      () => "message",
      () => null,
      () => [sender, recipient],
      () => ({}),
      () => ({ sender, recipient: { id: recipient } }),
      () => ({ sender, recipient: { id: recipient }, timestamp: "yesterday", message: { mid } }),
      () => ({
        sender: { id: null },
        recipient: { id: recipient },
        timestamp: 1,
        message: { mid },
      }),
      () => ({ sender, recipient: { id: recipient }, timestamp: Date.now(), message: { mid: "" } }),
      () => ({ sender, recipient: { id: recipient }, timestamp: Date.now(), message: { mid: 42 } }),
      () => ({
        sender,
        recipient: { id: recipient },
        timestamp: Date.now(),
        message: { mid, text: { nested: true } },
      }),
      () => ({
        sender,
        recipient: { id: recipient },
        timestamp: Date.now(),
        message: { mid, attachments: "image" },
      }),
      () => ({
        sender,
        recipient: { id: recipient },
        timestamp: Date.now(),
        reaction: { mid, action: "wave" },
      }),
      () => ({ sender, recipient: { id: recipient }, timestamp: Date.now(), read: { mid: "" } }),
      () => ({
        sender: { id: { toString: 1 } },
        recipient: { id: recipient },
        timestamp: Date.now(),
        message: { mid },
      }),
    ])();
  };
  const junkEnvelope = (entryIds: string[]) =>
    JSON.stringify({
      object: "instagram",
      entry: entryIds.map((id) => ({
        id,
        time: Date.now(),
        messaging: Array.from({ length: 1 + rng.int(5) }, () => junkEvent(id)),
      })),
    });
  const validEnvelope = () => {
    const id = unknownId();
    return {
      id,
      body: JSON.stringify({
        object: "instagram",
        entry: [{
          id,
          time: Date.now(),
          messaging: [{
            sender: { id: `7${runId}${rng.int(1e6)}` },
            recipient: { id },
            timestamp: Date.now(),
            message: { mid: `fuzz-${runId}-${serial++}`, text: "hello 👋" },
          }],
        }],
      }),
    };
  };
  const hex = (length: number, alphabet = "0123456789abcdef") =>
    Array.from({ length }, () => rng.pick(alphabet.split(""))).join("");

  const makers: (() => FuzzCase)[] = [
    () => ({ kind: "random bytes, unsigned", body: rng.bytes(rng.int(2048)), signature: "none" }),
    () => ({
      kind: "random bytes, signed",
      body: rng.bytes(1 + rng.int(2048)),
      signature: "valid",
    }),
    () => {
      const { body, id } = validEnvelope();
      return {
        kind: "truncated JSON, signed",
        body: encode(body.slice(0, rng.int(body.length - 1))),
        signature: "valid",
        unknownEntries: [id],
      };
    },
    () => {
      const { body, id } = validEnvelope();
      return {
        kind: "envelope, wrong signature",
        body: encode(body),
        signature: "wrong",
        unknownEntries: [id],
      };
    },
    () => {
      const { body, id } = validEnvelope();
      return {
        kind: "envelope, no signature",
        body: encode(body),
        signature: "none",
        unknownEntries: [id],
      };
    },
    () => {
      const { body, id } = validEnvelope();
      const header = rng.pick([
        `sha256=${hex(63)}`,
        `sha256=${hex(65)}`,
        `sha256=${hex(64, "ghijklmnopqrstuvwxyz")}`,
        `sha256=${hex(62)}zz`,
        `sha1=${hex(40)}`,
        `sha256:${hex(64)}`,
        `${hex(64)}`,
        "sha256=",
        "",
        `sha256=${hex(64)}, sha256=${hex(64)}`,
        `SHA256=${hex(64)}`,
      ]);
      return {
        kind: "envelope, malformed signature",
        body: encode(body),
        signature: { header },
        unknownEntries: [id],
      };
    },
    () => {
      const { body, id } = validEnvelope();
      return {
        kind: "envelope, huge signature header",
        body: encode(body),
        signature: { header: `sha256=${hex(64)}${"a".repeat(8_000 + rng.int(120_000))}` },
        unknownEntries: [id],
      };
    },
    () => {
      const { body, id } = validEnvelope();
      return {
        kind: "signed envelope, huge other header",
        body: encode(body),
        signature: "valid",
        extraHeaders: { "x-forwarded-for": "1.2.3.4, ".repeat(1_000 + rng.int(12_000)) },
        unknownEntries: [id],
      };
    },
    () => ({
      kind: "signed JSON that is not an envelope",
      body: encode(rng.pick([
        "[]",
        "{}",
        '{"object":1}',
        '{"object":"instagram"}',
        '{"object":"instagram","entry":{}}',
        '{"object":"instagram","entry":"x"}',
        '{"object":"instagram","entry":null}',
        "42",
        "-0.5e300",
        '"instagram"',
        "null",
        "true",
        '[{"object":"instagram","entry":[]}]',
      ])),
      signature: "valid",
    }),
    () => ({
      kind: "signed envelope-shaped JSON the processor rejects",
      body: encode(rng.pick([
        '{"entry":[]}',
        '{"object":1,"entry":[]}',
        '{"object":"instagram","entry":[1,2,3]}',
        '{"object":"instagram","entry":[null]}',
        '{"object":"instagram","entry":[{"id":{"toString":1,"valueOf":1}}]}',
        '{"object":"instagram","entry":[{"id":["a"],"messaging":"x"}]}',
        '{"object":"instagram","entry":[{"id":true}]}',
      ])),
      signature: "valid",
    }),
    () => {
      // invalid UTF-8 inside a string of a valid envelope, or outside any string
      const { body, id } = validEnvelope();
      const bytes = encode(body);
      const bad = rng.pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80]]);
      const at = rng.next() < 0.5 ? body.indexOf("hello") : rng.int(bytes.length);
      return {
        kind: "invalid UTF-8, signed",
        body: new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at)]),
        signature: "valid",
        unknownEntries: [id],
      };
    },
    () => {
      const ids = Array.from({ length: 1 + rng.int(3) }, unknownId);
      return {
        kind: "signed envelope of unknown accounts with junk events",
        body: encode(junkEnvelope(ids)),
        signature: "valid",
        unknownEntries: ids,
      };
    },
    () => ({
      kind: "signed envelope of our account with junk events",
      body: encode(junkEnvelope([knownAccount])),
      signature: "valid",
    }),
    () => {
      const id = unknownId();
      return {
        kind: "NUL bytes and escapes",
        body: rng.pick([
          new Uint8Array([0x7b, 0x00, 0x7d]),
          encode(`{"object":"instagram","entry":[{"id":"${id}\\u0000"}]}`),
          encode(`{"object":"insta\\u0000gram","entry":[{"id":"${id}"}]}`),
          encode(
            `{"object":"instagram","entry":[{"id":"${id}","messaging":[{"sender":{"id":"1\\u0000"},"recipient":{"id":"${id}"},"timestamp":1,"message":{"mid":"m\\u0000","text":"\\u0000"}}]}]}`,
          ),
          new Uint8Array([...encode(`{"object":"instagram","entry":[{"id":"${id}"}]}`), 0x00]),
        ]),
        signature: rng.pick(["valid", "none"] as const),
        unknownEntries: [id],
      };
    },
    () => {
      const depth = 1_000 + rng.int(100_000);
      const id = unknownId();
      return {
        kind: "deeply nested JSON, signed",
        body: encode(rng.pick([
          "[".repeat(depth) + "]".repeat(depth),
          `{"object":"instagram","entry":[{"id":"${id}","messaging":[${
            "[".repeat(depth) + "]".repeat(depth)
          }]}]}`,
        ])),
        signature: "valid",
        unknownEntries: [id],
      };
    },
  ];
  const cases = Array.from({ length: REQUESTS - 3 }, () => rng.pick(makers)());
  // a few deliveries above Meta's size, declared and streamed
  for (let i = 0; i < 3; i++) {
    cases.push({
      kind: "body above 4 MB",
      body: new Uint8Array(MAX_BODY_BYTES + 1 + rng.int(1024)).fill(0x20),
      signature: rng.pick(["valid", "none"] as const),
    });
  }
  return cases;
}

Deno.test(
  "1,000 malformed or wrongly signed bodies: never a 5xx, and a consistent ledger",
  options,
  async () => {
    const seed = Number(Deno.env.get("FUZZ_SEED") ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`webhook fuzz seed ${seed} (FUZZ_SEED=${seed} to replay)`);
    const rng = prng(seed);
    const runId = String(seed % 1_000_000).padStart(6, "0") + String(rng.int(1000));
    const marker = `dmdesk-fuzz/${runId}`;
    const secret = Deno.env.get("INSTAGRAM_APP_SECRET");
    assert.ok(secret, "INSTAGRAM_APP_SECRET not set: run tests through `npm test`");
    const { url } = platformEnv();
    const endpoint = `${url}/functions/v1/instagram-webhook`;

    const workspace = await createWorkspace({ label: "webhook-fuzz" });
    try {
      const account = await connectSandboxAccount(workspace);
      const cases = buildCases(rng, runId, account.igAccountId);
      const started = new Date();
      const since = Number(
        (await workspace.sql`select coalesce(max(id), 0)::text as id from public.webhook_events`)[
          0
        ]!
          .id,
      );

      const outcomes: {
        item: FuzzCase;
        status: number;
        code: string | null;
        signedRight: boolean;
      }[] = [];
      let next = 0;
      const worker = async () => {
        while (next < cases.length) {
          const item = cases[next++]!;
          const headers: Record<string, string> = {
            "content-type": "application/json",
            "user-agent": marker,
            ...item.extraHeaders,
          };
          const right = await metaSignature(secret, item.body);
          if (item.signature === "valid") headers["x-hub-signature-256"] = right;
          else if (item.signature === "wrong") {
            headers["x-hub-signature-256"] = await metaSignature(`${secret}-wrong`, item.body);
          } else if (typeof item.signature === "object") {
            headers["x-hub-signature-256"] = item.signature.header;
          }
          const response = await fetch(endpoint, {
            method: "POST",
            headers,
            body: item.body as Uint8Array<ArrayBuffer>,
            // a hung gateway fails the test instead of stalling the run
            signal: AbortSignal.timeout(30_000),
          });
          const text = await response.text();
          let code: string | null = null;
          try {
            code = JSON.parse(text)?.error?.code ?? null;
          } catch {
            code = null;
          }
          outcomes.push({
            item,
            status: response.status,
            code,
            signedRight: item.signature === "valid",
          });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      assert.equal(outcomes.length, REQUESTS);

      // every answer: a 4xx, or a 200 for a correctly signed envelope; never a 5xx
      const wrong = outcomes.filter(({ item, status, signedRight }) => {
        if (status >= 500) return true;
        const expected = expectedStatus(item, signedRight);
        if (item.extraHeaders || typeof item.signature === "object") {
          // the HTTP server may refuse huge headers itself (a 4xx) before the function runs
          return status === 200 ? expected !== 200 : !(status >= 400 && status < 500);
        }
        return status !== expected;
      });
      assert.deepEqual(
        wrong.slice(0, 10).map(({ item, status, code, signedRight }) => ({
          kind: item.kind,
          status,
          code,
          expected: expectedStatus(item, signedRight),
          body: new TextDecoder().decode(item.body.subarray(0, 200)),
        })),
        [],
        `${wrong.length} unexpected answers (seed ${seed})`,
      );

      // the ledger rows the function wrote: one per signed request that reached it (200, its own
      // 400); a 401 leaves only a rate-limited rejection record (instagram-webhook-rejections)
      const reached = outcomes.filter((o) => o.status === 200 || o.code === "invalid_body");
      await eventually(
        async () => {
          const [open] = await workspace.sql<{ n: number }[]>`
          select count(*)::int as n from public.webhook_events
          where id > ${since} and headers ->> 'user-agent' = ${marker}
            and status in ('received', 'processing')`;
          if (open!.n > 0) await runDrain();
          return open!.n === 0;
        },
        "every ledger row of the run to be final",
        30_000,
      );
      await runDrain();

      const rows = await workspace.sql<
        { status: string; signature_valid: boolean; last_error: string | null; n: number }[]
      >`
        select status, signature_valid, last_error, count(*)::int as n
        from public.webhook_events where id > ${since} and headers ->> 'user-agent' = ${marker}
        group by 1, 2, 3`;
      const count = (filter: (r: (typeof rows)[number]) => boolean) =>
        rows.filter(filter).reduce((sum, r) => sum + r.n, 0);
      const notEnvelope = (r: (typeof rows)[number]) =>
        r.signature_valid && r.status === "rejected" &&
        r.last_error === "body is not a webhook envelope";
      assert.equal(count(() => true), reached.length, "one ledger row per request that got in");
      assert.equal(count((r) => !r.signature_valid), 0, "nothing unsigned in the ledger");
      const unsigned = outcomes.filter((o) => o.code === "invalid_signature").length;
      await eventually(async () => {
        const [rejections] = await workspace.sql<{ total: number }[]>`
          select coalesce(sum(1 + unrecorded), 0)::int as total from public.webhook_rejections
          where received_at >= date_trunc('minute', ${started}::timestamptz)`;
        return rejections!.total >= unsigned;
      }, "every 401 to be counted among the rejections");
      assert.equal(
        count(notEnvelope),
        outcomes.filter((o) => o.code === "invalid_body").length,
        "a rejected row for every signed body that is not an envelope",
      );
      assert.equal(
        count((r) => r.signature_valid && !notEnvelope(r)),
        outcomes.filter((o) => o.status === 200).length,
        "a row for every 200",
      );
      for (const row of rows) {
        assert.ok(
          ["processed", "unknown_account", "rejected"].includes(row.status),
          `a row ended ${row.status}: ${JSON.stringify(row)}`,
        );
        if (row.status === "rejected") {
          assert.ok(!row.signature_valid || row.last_error !== null, JSON.stringify(row));
        }
      }
      const [unexplained] = await workspace.sql<{ n: number }[]>`
        select count(*)::int as n from public.webhook_events
        where id > ${since} and headers ->> 'user-agent' = ${marker}
          and status in ('rejected', 'unknown_account', 'failed') and signature_valid
          and last_error is null`;
      assert.equal(unexplained!.n, 0, "every rejected signed row says why");

      // nothing stored for the junk, for the unknown accounts or for our own account
      const [stored] = await workspace.sql<{ contacts: number; messages: number; ours: number }[]>`
        select
          (select count(*)::int from public.contacts where external_id like ${`7${runId}%`}) as contacts,
          (select count(*)::int from public.messages where external_id like ${`fuzz-${runId}-%`}) as messages,
          (select count(*)::int from public.contacts where channel_account_id = ${account.accountId}) as ours`;
      assert.deepEqual({ ...stored }, { contacts: 0, messages: 0, ours: 0 });
      const [routed] = await workspace.sql<{ n: number }[]>`
        select count(*)::int as n from public.webhook_events
        where id > ${since} and headers ->> 'user-agent' = ${marker}
          and status = 'unknown_account' and channel_account_id is not null`;
      assert.equal(routed!.n, 0);

      const byKind = new Map<string, Map<number, number>>();
      for (const { item, status } of outcomes) {
        const statuses = byKind.get(item.kind) ?? new Map<number, number>();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        byKind.set(item.kind, statuses);
      }
      console.log(
        [...byKind].map(([kind, s]) =>
          `  ${kind}: ${[...s].map(([status, n]) => `${n}×${status}`).join(", ")}`
        ).join("\n"),
      );
    } finally {
      await workspace.close();
    }
  },
);

Deno.test(
  "an escaped NUL in a signed delivery is stored as U+FFFD instead of failing every attempt",
  options,
  async () => {
    const secret = Deno.env.get("INSTAGRAM_APP_SECRET")!;
    const workspace = await createWorkspace({ label: "webhook-nul" });
    try {
      const account = await connectSandboxAccount(workspace);
      const mid = `nul-${crypto.randomUUID()}`;
      const body = encode(JSON.stringify({
        object: "instagram",
        entry: [{
          id: account.igAccountId,
          time: Date.now(),
          messaging: [{
            sender: { id: "5550001112223334" },
            recipient: { id: account.igAccountId },
            timestamp: Date.now(),
            message: {
              mid: `${mid}\u0000`,
              text: "before\u0000after",
              referral: { ref: "a\u0000b", source: "ADS", "key\u0000": 1 },
            },
          }],
        }],
      }));
      const response = await fetch(`${platformEnv().url}/functions/v1/instagram-webhook`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": await metaSignature(secret, body),
        },
        body,
      });
      assert.equal(response.status, 200, await response.text());
      const [ledger] = await eventually(
        async () => {
          const rows = await workspace.sql<{ status: string; last_error: string | null }[]>`
          select status, last_error from public.webhook_events
          where entry_ids = ${[
            account.igAccountId,
          ]}::text[] and status not in ('received', 'processing')`;
          return rows.length ? rows : null;
        },
        "the delivery to be processed",
        10_000,
      );
      assert.deepEqual({ ...ledger }, { status: "processed", last_error: null });
      const [message] = await workspace.sql`
        select m.external_id, m.text, c.lead_source_ref, c.lead_source_referral
        from public.messages m join public.conversations c on c.id = m.conversation_id
        where m.channel_account_id = ${account.accountId}`;
      assert.deepEqual({ ...message }, {
        external_id: `${mid}\uFFFD`,
        text: "before\uFFFDafter",
        lead_source_ref: "a\uFFFDb",
        lead_source_referral: { ref: "a\uFFFDb", source: "ADS", "key\uFFFD": 1 },
      });
    } finally {
      await workspace.close();
    }
  },
);
