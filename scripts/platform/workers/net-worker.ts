// Imitates pg_net 0.20's background worker (supabase/pg_net src/worker.c, src/core.c): drains
// net.http_request_queue and writes net._http_response rows the way the extension does.
import type postgres from "postgres";

export interface NetWorkerOptions {
  log?: (message: string) => void;
  /** pg_net.batch_size; also the most requests in flight at once */
  batchSize?: number;
  /** pg_net.ttl: responses older than this are deleted */
  ttl?: string;
  pollMs?: number;
  sweepMs?: number;
}

export interface NetWorker {
  stop(): Promise<void>;
  status(): { running: boolean; requestsDone: number; lastError: string | null };
}

export interface QueuedRequest {
  id: string;
  method: string;
  url: string;
  headers: unknown;
  body: Uint8Array | null;
  timeout_milliseconds: number;
}

export interface HttpOutcome {
  status_code: number | null;
  content_type: string | null;
  headers: Record<string, string> | null;
  content: string | null;
  timed_out: boolean;
  error_msg: string | null;
}

export function startNetWorker(sql: postgres.Sql, options: NetWorkerOptions = {}): NetWorker {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 200;
  const ttl = options.ttl ?? "6 hours";
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let requestsDone = 0;
  let lastError: string | null = null;
  let draining: Promise<void> | null = null;
  let wakeAgain = false;
  // the last claim filled every free slot, so the queue may hold more
  let backlog = false;
  let sweeping: Promise<void> = Promise.resolve();

  function fail(context: string, error: unknown) {
    lastError = `${context}: ${(error as Error)?.message ?? error}`;
    log(`net worker: ${lastError}`);
  }

  function wake() {
    if (stopped) return;
    if (draining) {
      wakeAgain = true;
      return;
    }
    draining = drain().finally(() => {
      draining = null;
      if (wakeAgain) {
        wakeAgain = false;
        wake();
      }
    });
  }

  async function drain() {
    const room = batchSize - inFlight.size;
    backlog = room <= 0;
    if (backlog) return;
    try {
      const rows = await claim(sql, room);
      backlog = rows.length === room;
      if (backlog) wakeAgain = true;
      for (const row of rows) {
        const done = respond(row).finally(() => {
          inFlight.delete(done);
          if (backlog) wake();
        });
        inFlight.add(done);
      }
    } catch (error) {
      fail("claiming requests failed", error);
    }
  }

  async function respond(row: QueuedRequest) {
    const outcome = await performRequest(row);
    try {
      await sql`
        insert into net._http_response
          (id, status_code, content_type, headers, content, timed_out, error_msg)
        values (${row.id}, ${outcome.status_code}, ${outcome.content_type},
                ${outcome.headers && sql.json(outcome.headers)}, ${outcome.content},
                ${outcome.timed_out}, ${outcome.error_msg})`;
      requestsDone++;
    } catch (error) {
      fail(`storing the response to request ${row.id} failed`, error);
    }
  }

  function sweep() {
    sweeping = sql`delete from net._http_response where created < now() - ${ttl}::interval`
      .then(() => {}, (error) => fail("deleting expired responses failed", error));
  }

  // onlisten also fires after postgres.js re-listens on a new connection: notifies sent while it
  // was down are lost, so look at the queue then too
  const listening = sql.listen("net_wake", wake, wake).catch((error) => {
    fail("LISTEN net_wake failed, polling only", error);
    return null;
  });
  const poll = setInterval(wake, options.pollMs ?? 1000);
  const sweeper = setInterval(sweep, options.sweepMs ?? 60_000);
  sweep();
  wake();

  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearInterval(sweeper);
      const listener = await listening;
      // On Ctrl-C the terminal signals Postgres too, which may be gone already: nothing to undo.
      await listener?.unlisten().catch((error) => {
        if (!/^CONNECTION_(CLOSED|ENDED|DESTROYED)$/.test(String(error?.code))) {
          fail("UNLISTEN failed", error);
        }
      });
      await draining;
      while (inFlight.size) await Promise.allSettled([...inFlight]);
      await sweeping;
    },
    status: () => ({ running: !stopped, requestsDone, lastError }),
  };
}

/**
 * pg_net's consume_request_queue. The delete already hands each row to one worker; skip locked
 * lets a second worker take the next rows instead of queueing behind the first one's claim.
 */
async function claim(sql: postgres.Sql, limit: number): Promise<QueuedRequest[]> {
  const rows = await sql<QueuedRequest[]>`
    with rows as (
      select id from net.http_request_queue order by id limit ${limit} for update skip locked
    )
    delete from net.http_request_queue q using rows where q.id = rows.id
    returning q.id::text as id, q.method, q.url, q.headers, q.body, q.timeout_milliseconds`;
  return [...rows];
}

const USER_AGENT = "pg_net/0.20.0";
const failure = (error_msg: string, timed_out = false): HttpOutcome => ({
  status_code: null,
  content_type: null,
  headers: null,
  content: null,
  timed_out,
  error_msg,
});

export async function performRequest(request: QueuedRequest): Promise<HttpOutcome> {
  const method = request.method.toUpperCase();
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return failure("URL using bad/illegal format or missing URL");
  }
  // pg_net limits libcurl to http(s); Deno's fetch would otherwise read file: URLs
  if (url.protocol !== "http:" && url.protocol !== "https:") return failure("Unsupported protocol");
  // libcurl treats 0 as "no timeout", which would let one request hold up stop() forever
  if (!(request.timeout_milliseconds > 0)) {
    return failure(`timeout_milliseconds must be positive, got ${request.timeout_milliseconds}`);
  }

  const headers = new Headers();
  try {
    // pg_net sends "key: value" from jsonb_each_text(headers)
    const entries = request.headers && typeof request.headers === "object" &&
        !Array.isArray(request.headers)
      ? Object.entries(request.headers)
      : [];
    for (const [name, value] of entries) {
      if (value !== null) {
        headers.append(name, typeof value === "string" ? value : JSON.stringify(value));
      }
    }
  } catch (error) {
    return failure((error as Error).message);
  }
  if (!headers.has("user-agent")) headers.set("user-agent", USER_AGENT);

  const started = performance.now();
  const signal = AbortSignal.timeout(request.timeout_milliseconds);
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: method === "GET" || !request.body ? undefined : new Uint8Array(request.body),
      signal,
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    // pg_net stores the body as a C string: it ends at the first NUL byte
    const nul = bytes.indexOf(0);
    const content = new TextDecoder().decode(nul === -1 ? bytes : bytes.subarray(0, nul));
    return {
      status_code: response.status,
      content_type: response.headers.get("content-type"),
      headers: Object.fromEntries(response.headers),
      content: content === "" ? null : content,
      timed_out: false,
      error_msg: null,
    };
  } catch (error) {
    if (signal.aborted) return failure(timeoutMessage(request, performance.now() - started), true);
    return failure(curlMessage(error));
  }
}

/** pg_net's detailed_timeout_strerror layout (src/errors.c). */
function timeoutMessage(request: QueuedRequest, totalMs: number) {
  // fetch exposes no phase timings: the whole wait is reported as the HTTP step
  const ms = (n: number) => n.toFixed(6);
  return `Timeout of ${request.timeout_milliseconds} ms reached. Total time: ${ms(totalMs)} ms ` +
    `(DNS time: ${ms(0)} ms, TCP/SSL handshake time: ${ms(0)} ms, ` +
    `HTTP Request/Response time: ${ms(totalMs)} ms)`;
}

/** The libcurl wording (curl_easy_strerror) pg_net stores, for the failures fetch can tell apart. */
function curlMessage(error: unknown): string {
  // Deno's fetch says "fetch failed"; the reason is down the cause chain
  const reasons: string[] = [];
  for (let e: unknown = error; e && reasons.length < 5; e = (e as Error).cause) {
    reasons.push(String((e as Error).message ?? e));
  }
  const text = reasons.join("\n");
  if (/dns error|failed to lookup address|name or service not known/i.test(text)) {
    return "Couldn't resolve host name";
  }
  if (/connection refused|tcp connect error|\(Connect\)/i.test(text)) {
    return "Couldn't connect to server";
  }
  if (/certificate|invalid peer/i.test(text)) {
    return "SSL peer certificate or SSH remote key was not OK";
  }
  return reasons.at(-1) ?? String(error);
}
