/**
 * Webhook ingestion under load. Starts a throwaway platform (no seed), connects one Instagram
 * account by writing its channel_accounts row, then for each concurrency sends signed deliveries
 * (one inbound text event each, unique mids, a few hundred IGSIDs) straight at the gateway for
 * ~20 s and prints:
 *
 *   - sustained deliveries/s, p50/p95/p99/max time to the 200, errors
 *   - the backlog left in the ledger when the load stops, how long it takes to drain, and the
 *     processed events/s over the whole run
 *   - the raw ceiling: one postgres.js insert per event into a scratch copy of webhook_events from
 *     this process at the same concurrency, and the ratio webhook deliveries/s ÷ raw inserts/s
 *   - where the time goes: the same load against cheaper paths (GET verification: gateway only;
 *     a wrong signature: signature check + a rate-limited rejection record; an unknown account:
 *     ledger + a light processing), the CPU each process used, and in-process costs of the
 *     signature check and the payload parse
 *
 *   node_modules/.bin/deno run -A scripts/bench/webhook-ingest.ts [--seconds 20] [--concurrency 16,64]
 *
 * Goal on a 2-core machine: at least 1,000 events/s and p99 under 50 ms to the 200.
 */
import postgres from "postgres";
import { cpuByPid } from "./process-tree.ts";
import { startThrowawayPlatform } from "./throwaway-platform.ts";
import { webhookEnvelopeSchema } from "../../supabase/functions/_shared/webhooks/payload.ts";
import { messagingEventSchema } from "../../supabase/functions/_shared/webhooks/payload.ts";
import { verifyMetaSignature } from "../../supabase/functions/_shared/webhooks/signature.ts";

const args = new Map<string, string>();
for (let i = 0; i < Deno.args.length; i += 2) args.set(Deno.args[i]!, Deno.args[i + 1] ?? "");
const SECONDS = Number(args.get("--seconds") ?? 20);
const CONCURRENCIES = (args.get("--concurrency") ?? "16,64").split(",").map(Number);
const PROFILE_SECONDS = Number(args.get("--profile-seconds") ?? 8);
const IGSIDS = 300;
const ACCOUNT = "17841499990000001";

const encoder = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// measuring

interface LoadResult {
  label: string;
  concurrency: number;
  seconds: number;
  requests: number;
  errors: number;
  statuses: Map<number | string, number>;
  latencies: Float64Array;
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN;

function summary(result: LoadResult) {
  const sorted = result.latencies.slice().sort();
  const ok = result.requests - result.errors;
  return {
    perSecond: ok / result.seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    ok,
  };
}

function printLoad(result: LoadResult) {
  const s = summary(result);
  const statuses = [...result.statuses].map(([status, n]) => `${n}×${status}`).join(", ");
  console.log(
    `  ${result.label.padEnd(44)} c=${String(result.concurrency).padStart(2)}  ${
      s.perSecond.toFixed(0).padStart(5)
    }/s  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${
      ms(s.max)
    }  errors ${result.errors}  (${statuses})`,
  );
}

const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;

/**
 * Runs `concurrency` loops for `seconds`, each sending the next prepared request; a request is an
 * error unless it answers `okStatus`.
 */
async function load(
  label: string,
  concurrency: number,
  seconds: number,
  next: () => { url: string; init: RequestInit },
  okStatus: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number | string, number>();
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const { url, init } = next();
      const t0 = performance.now();
      let status: number | string;
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
        await response.body?.cancel();
        status = response.status;
      } catch (error) {
        status = error instanceof Error ? error.name : "error";
      }
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status !== okStatus) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    label,
    concurrency,
    seconds: (performance.now() - started) / 1000,
    requests: latencies.length,
    errors,
    statuses,
    latencies: Float64Array.from(latencies),
  };
}

// ---------------------------------------------------------------------------------------------
// CPU per process (Linux /proc): which of gateway, Postgres and this process used the cores

async function withCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpu: string }> {
  const before = cpuByPid();
  const t0 = performance.now();
  const result = await work();
  const wall = (performance.now() - t0) / 1000;
  // per process, so that connections closed meanwhile do not count against the others
  const used = new Map<string, number>();
  for (const [pid, { name, cpu }] of cpuByPid()) {
    used.set(name, (used.get(name) ?? 0) + cpu - (before.get(pid)?.cpu ?? 0));
  }
  const cpu = [...used].filter(([kind]) => kind !== "other").map(([kind, seconds]) =>
    `${kind} ${(100 * seconds / wall).toFixed(0)}%`
  ).join(", ");
  return { result, cpu: `cpu (100% = one core): ${cpu}` };
}

// ---------------------------------------------------------------------------------------------

const platform = await startThrowawayPlatform();
const sql = postgres(platform.databaseUrl, { max: 4, onnotice: () => {} });

try {
  const secret = platform.env.INSTAGRAM_APP_SECRET!;
  const verifyToken = platform.env.META_WEBHOOK_VERIFY_TOKEN!;
  const endpoint = `${platform.url}/functions/v1/instagram-webhook`;

  const [imo] = await sql<{ id: string }[]>`
    insert into public.imos (name, slug) values ('Bench', ${`bench-${
    crypto.randomUUID().slice(0, 8)
  }`})
    returning id`;
  await sql`insert into public.imo_subscriptions (imo_id, plan_code) values (${imo!.id}, 'team')`;
  // no token: the profile fetch after ingestion finds nothing to fetch (no Graph calls in the load)
  const [account] = await sql<{ id: string }[]>`
    insert into public.channel_accounts (imo_id, platform, auth_path, external_account_id, external_ids, username)
    values (${imo!.id}, 'instagram', 'instagram_login', ${ACCOUNT}, ${[
    "27841499990000001",
    "37841499990000001",
  ]}, 'bench.account')
    returning id`;
  console.log(
    `account ${ACCOUNT} connected (channel account ${
      account!.id
    }); ${IGSIDS} IGSIDs; ${navigator.hardwareConcurrency} cores\n`,
  );

  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const sign = async (bytes: Uint8Array<ArrayBuffer>) =>
    `sha256=${
      Array.from(
        new Uint8Array(await crypto.subtle.sign("HMAC", key, bytes)),
        (b) => b.toString(16).padStart(2, "0"),
      ).join("")
    }`;

  let serial = 0;
  const deliveryBody = (entryId: string) => {
    const n = serial++;
    const now = Date.now();
    return encoder.encode(JSON.stringify({
      object: "instagram",
      entry: [{
        id: entryId,
        time: now,
        messaging: [{
          sender: { id: `5${String(n % IGSIDS).padStart(15, "0")}` },
          recipient: { id: entryId },
          timestamp: now,
          message: {
            mid: `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx.bench.${n}`,
            text: `Hi! Is the recruiter role still open? (${n}) 🙌`,
          },
        }],
      }],
    }));
  };

  /** Bodies signed before the clock starts, so the client spends its CPU on sending. */
  const signedDeliveries = async (
    count: number,
    entryId: string,
    signature: "valid" | "wrong",
  ) => {
    const prepared: { url: string; init: RequestInit }[] = [];
    for (let i = 0; i < count; i++) {
      const body = deliveryBody(entryId);
      prepared.push({
        url: endpoint,
        init: {
          method: "POST",
          body,
          headers: {
            "content-type": "application/json",
            "x-hub-signature-256": signature === "valid"
              ? await sign(body)
              : `sha256=${"0".repeat(64)}`,
          },
        },
      });
    }
    let i = 0;
    return () => prepared[i++ % prepared.length]!;
  };

  const ledgerOpen = async () => {
    const [row] = await sql<{ open: number }[]>`
      select count(*)::int as open from public.webhook_events where status in ('received', 'processing')`;
    return row!.open;
  };

  /** Until nothing is received or processing; the time it took and the rows it finished. */
  const drainTime = async () => {
    const t0 = performance.now();
    const backlog = await ledgerOpen();
    for (;;) {
      if ((await ledgerOpen()) === 0) break;
      if (performance.now() - t0 > 300_000) throw new Error("the backlog did not drain in 5 min");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { backlog, seconds: (performance.now() - t0) / 1000 };
  };

  // warm-up: the function module loads, the pools fill
  await load("warm-up", 8, 2, await signedDeliveries(2000, ACCOUNT, "valid"), 200);
  await drainTime();

  console.log(`webhook deliveries, ${SECONDS} s each (signed, one inbound text event each)`);
  const results: {
    concurrency: number;
    perSecond: number;
    p99: number;
    rawPerSecond: number;
  }[] = [];
  for (const concurrency of CONCURRENCIES) {
    const since = Number(
      (await sql`select coalesce(max(id), 0)::text as id from public.webhook_events`)[0]!.id,
    );
    const next = await signedDeliveries(Math.ceil(SECONDS * 4000), ACCOUNT, "valid");
    const started = Date.now();
    const { result, cpu } = await withCpu(() =>
      load("POST signed delivery (our account)", concurrency, SECONDS, next, 200)
    );
    printLoad(result);
    console.log(`    ${cpu}`);
    const drained = await drainTime();
    const [processed] = await sql<{ n: number; first: Date; last: Date; failed: number }[]>`
      select count(*) filter (where status = 'processed')::int as n,
        count(*) filter (where status <> 'processed')::int as failed,
        min(received_at) as first, max(processed_at) as last
      from public.webhook_events where id > ${since}`;
    const [messages] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.messages where channel_account_id = ${account!.id}
        and created_at >= ${new Date(started)}`;
    const processSeconds = (processed!.last.getTime() - processed!.first.getTime()) / 1000;
    console.log(
      `    backlog when the load stopped: ${drained.backlog} deliveries, drained in ${
        drained.seconds.toFixed(1)
      } s; processed ${processed!.n} deliveries (${processed!.failed} not processed), ${
        messages!.n
      } messages stored: ${
        (processed!.n / processSeconds).toFixed(0)
      } events/s from first received to last processed`,
    );

    // the raw ceiling: the same bodies as plain inserts, same driver, same concurrency
    await sql`drop table if exists public.bench_raw_inserts`;
    await sql`create table public.bench_raw_inserts (like public.webhook_events including defaults including identity including indexes)`;
    const raw = postgres(platform.databaseUrl, {
      max: concurrency,
      prepare: false,
      onnotice: () => {},
    });
    const rawHeaders = { "content-type": "application/json", "x-hub-signature-256": "sha256=…" };
    const rawLatencies: number[] = [];
    const rawStarted = performance.now();
    const rawDeadline = rawStarted + Math.min(SECONDS, 10) * 1000;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (performance.now() < rawDeadline) {
        const body = new TextDecoder().decode(deliveryBody(ACCOUNT));
        const t0 = performance.now();
        await raw`
          insert into public.bench_raw_inserts (platform, raw_body, headers, signature_valid, object, entry_ids, status)
          values ('instagram', ${body}, ${raw.json(rawHeaders)}, true, 'instagram', ${[
          ACCOUNT,
        ]}, 'received')`;
        rawLatencies.push(performance.now() - t0);
      }
    }));
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    await raw.end();
    await sql`drop table public.bench_raw_inserts`;
    const rawSorted = Float64Array.from(rawLatencies).sort();
    const rawPerSecond = rawLatencies.length / rawSeconds;
    const s = summary(result);
    console.log(
      `    raw ceiling: ${
        rawPerSecond.toFixed(0)
      } inserts/s (postgres.js, pool ${concurrency}, p99 ${
        ms(percentile(rawSorted, 0.99)).trim()
      }); webhook ÷ raw = ${(s.perSecond / rawPerSecond).toFixed(2)}\n`,
    );
    results.push({ concurrency, perSecond: s.perSecond, p99: s.p99, rawPerSecond });
  }

  const profileConcurrency = CONCURRENCIES[0]!;
  if (PROFILE_SECONDS > 0) {
    console.log(
      `where the time goes: the same load against cheaper paths, ${PROFILE_SECONDS} s each`,
    );
  }
  const verifyUrl =
    `${endpoint}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`;
  for (
    const [label, next, okStatus] of PROFILE_SECONDS <= 0 ? [] : [
      [
        "GET verification (gateway + function, no DB)",
        () => ({ url: verifyUrl, init: {} }),
        200,
      ],
      [
        "POST wrong signature (check + rejection record)",
        await signedDeliveries(PROFILE_SECONDS * 5000, ACCOUNT, "wrong"),
        401,
      ],
      [
        "POST signed, unknown account (ledger + light)",
        await signedDeliveries(PROFILE_SECONDS * 5000, "17841400000000999", "valid"),
        200,
      ],
      [
        "POST signed, our account (ledger + processing)",
        await signedDeliveries(PROFILE_SECONDS * 5000, ACCOUNT, "valid"),
        200,
      ],
    ] as const
  ) {
    const { result, cpu } = await withCpu(() =>
      load(label, profileConcurrency, PROFILE_SECONDS, next, okStatus)
    );
    printLoad(result);
    console.log(`    ${cpu}`);
    await drainTime();
  }

  // in-process costs of the steps the handler and the processor run per delivery
  const body = deliveryBody(ACCOUNT);
  const header = await sign(body);
  const N = 20_000;
  let t0 = performance.now();
  for (let i = 0; i < N; i++) verifyMetaSignature(body, header, [secret]);
  const verifyUs = (performance.now() - t0) * 1000 / N;
  const text = new TextDecoder().decode(body);
  t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const envelope = webhookEnvelopeSchema.parse(JSON.parse(text));
    messagingEventSchema.parse(envelope.entry[0]!.messaging![0]);
  }
  const parseUs = (performance.now() - t0) * 1000 / N;
  console.log(
    `\nin-process: signature check ${
      verifyUs.toFixed(1)
    } µs (verifyMetaSignature), JSON.parse + zod ${parseUs.toFixed(1)} µs per delivery`,
  );

  console.log("\nsummary");
  for (const r of results) {
    const verdict = r.perSecond >= 1000 && r.p99 < 50 ? "meets" : "misses";
    console.log(
      `  c=${r.concurrency}: ${r.perSecond.toFixed(0)} deliveries/s, p99 ${
        r.p99.toFixed(1)
      } ms, raw ${
        r.rawPerSecond.toFixed(0)
      } inserts/s → ${verdict} the goal (≥ 1,000/s, p99 < 50 ms)`,
    );
  }
} finally {
  await sql.end().catch(() => {});
  await platform.stop();
}
