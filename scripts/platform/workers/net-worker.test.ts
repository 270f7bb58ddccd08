import { startNetWorker } from "./net-worker.ts";
import assert from "node:assert/strict";
import { eventually } from "../../testing/eventually.ts";
import { startTestDatabase } from "../../testing/test-database.ts";

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
}

/** The HTTP server pg_net calls in these tests; it records every request. */
function startTarget() {
  const seen: Seen[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    const url = new URL(req.url);
    seen.push({
      method: req.method,
      url,
      headers: req.headers,
      body: new Uint8Array(await req.arrayBuffer()),
    });
    if (url.pathname === "/slow") {
      await new Promise((r) => setTimeout(r, Number(url.searchParams.get("ms"))));
    }
    if (url.pathname === "/empty") return new Response(null, { status: 204 });
    return Response.json({ ok: true, path: url.pathname }, { headers: { "x-target": "yes" } });
  });
  return { seen, base: `http://127.0.0.1:${server.addr.port}`, stop: () => server.shutdown() };
}

/** A port nothing listens on: bind one, then let it go. */
function closedPort() {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

interface Response_ {
  id: string;
  status_code: number | null;
  content_type: string | null;
  headers: Record<string, string> | null;
  content: string | null;
  timed_out: boolean | null;
  error_msg: string | null;
}

Deno.test({
  name: "net worker against a throwaway Postgres",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const db = await startTestDatabase();
    const target = startTarget();
    const { sql } = db;
    const logs: string[] = [];
    const log = (message: string) => logs.push(message);
    const responseTo = (id: string) =>
      eventually(async () => {
        const [row] = await sql<Response_[]>`
          select id::text, status_code, content_type, headers, content, timed_out, error_msg
          from net._http_response where id = ${id}`;
        return row;
      }, `a response to request ${id}`);
    const request = async (call: string) =>
      (await sql.unsafe<{ id: string }[]>(`select (${call})::text as id`))[0]!.id;

    try {
      // polling effectively off: these steps pass only if LISTEN/NOTIFY wakes the worker
      const worker = startNetWorker(sql, { log, pollMs: 600_000 });
      try {
        await eventually(
          async () =>
            (await sql`select 1 from pg_stat_activity where query ilike 'listen%net_wake%'`).length,
          "the worker LISTENs on net_wake",
        );

        await t.step("http_post sends a JSON body and stores the response", async () => {
          const id = await request(
            `net.http_post('${target.base}/hook', '{"a":1,"name":"Zoë"}'::jsonb,
             headers := '{"Content-Type":"application/json","X-Extra":"42"}'::jsonb)`,
          );
          const response = await responseTo(id);
          assert.equal(response.status_code, 200);
          assert.equal(response.content_type, "application/json");
          assert.deepEqual(JSON.parse(response.content!), { ok: true, path: "/hook" });
          assert.equal(response.headers?.["x-target"], "yes");
          assert.equal(response.timed_out, false);
          assert.equal(response.error_msg, null);

          const seen = target.seen.find((s) => s.url.pathname === "/hook")!;
          assert.equal(seen.method, "POST");
          assert.equal(seen.headers.get("content-type"), "application/json");
          assert.equal(seen.headers.get("x-extra"), "42");
          assert.equal(seen.headers.get("user-agent"), "pg_net/0.20.0");
          assert.deepEqual(JSON.parse(new TextDecoder().decode(seen.body)), { a: 1, name: "Zoë" });
        });

        await t.step("http_get sends url-encoded params", async () => {
          const id = await request(
            `net.http_get('${target.base}/search', params := '{"q":"a b&c=d","n":"1"}'::jsonb)`,
          );
          assert.equal((await responseTo(id)).status_code, 200);
          const seen = target.seen.find((s) => s.url.pathname === "/search")!;
          assert.equal(seen.method, "GET");
          assert.equal(seen.url.searchParams.get("q"), "a b&c=d");
          assert.equal(seen.url.searchParams.get("n"), "1");
          assert.equal(seen.body.length, 0);
        });

        await t.step("http_delete, and an empty body stores null content", async () => {
          const id = await request(`net.http_delete('${target.base}/empty')`);
          const response = await responseTo(id);
          assert.equal(response.status_code, 204);
          assert.equal(response.content, null);
          assert.equal(target.seen.find((s) => s.url.pathname === "/empty")?.method, "DELETE");
        });

        await t.step("a request that outlives timeout_milliseconds is timed out", async () => {
          const started = Date.now();
          const id = await request(
            `net.http_get('${target.base}/slow?ms=1500', timeout_milliseconds := 200)`,
          );
          const response = await responseTo(id);
          assert.ok(Date.now() - started < 1400, "did not wait for the slow response");
          assert.equal(response.timed_out, true);
          assert.equal(response.status_code, null);
          assert.match(
            response.error_msg ?? "",
            /^Timeout of 200 ms reached\. Total time: \d+\.\d{6} ms \(DNS/,
          );
        });

        await t.step("a refused connection stores the error", async () => {
          const id = await request(`net.http_get('http://127.0.0.1:${closedPort()}/')`);
          const response = await responseTo(id);
          assert.equal(response.status_code, null);
          assert.equal(response.timed_out, false);
          assert.equal(response.error_msg, "Couldn't connect to server");
        });

        await t.step("non-http URLs are refused, not fetched", async () => {
          const id = await request(`net.http_get('file:///etc/hostname')`);
          assert.equal((await responseTo(id)).error_msg, "Unsupported protocol");
        });

        const status = worker.status();
        assert.ok(status.running, "running");
        assert.equal(status.requestsDone, 6);
        assert.equal(status.lastError, null);
      } finally {
        await worker.stop();
      }
      assert.equal(worker.status().running, false);

      await t.step("rows queued without a notify are found by polling", async () => {
        const polling = startNetWorker(sql, { log, pollMs: 100 });
        try {
          await eventually(
            async () =>
              (await sql`select 1 from pg_stat_activity where query ilike 'listen%'`).length,
            "listening",
          );
          const [{ id }] = await sql<{ id: string }[]>`
            insert into net.http_request_queue (method, url, headers, timeout_milliseconds)
            values ('GET', ${target.base + "/quiet"}, '{}', 1000) returning id::text`;
          assert.equal((await responseTo(id)).status_code, 200);
        } finally {
          await polling.stop();
        }
      });

      await t.step("two workers never take the same request", async () => {
        const before = target.seen.length;
        const a = startNetWorker(sql, { log, batchSize: 7, pollMs: 50 });
        const b = startNetWorker(sql, { log, batchSize: 7, pollMs: 50 });
        try {
          const ids = (await sql<{ id: string }[]>`
            select net.http_get(${target.base + "/many?i="} || i)::text as id
            from generate_series(1, 60) i`).map((r) => r.id);
          await eventually(async () => {
            const [{ n }] = await sql<{ n: number }[]>`
              select count(*)::int as n from net._http_response where id = any(${ids}::bigint[])`;
            return n === 60;
          }, "60 responses");
          const [{ distinct }] = await sql<{ distinct: number }[]>`
            select count(distinct id)::int as distinct from net._http_response
            where id = any(${ids}::bigint[])`;
          assert.equal(distinct, 60);
          assert.equal(target.seen.length - before, 60, "each request sent once");
          assert.equal(a.status().requestsDone + b.status().requestsDone, 60);
        } finally {
          await Promise.all([a.stop(), b.stop()]);
        }
      });

      await t.step("stop() waits for requests in flight", async () => {
        const id = await request(`net.http_get('${target.base}/slow?ms=400')`);
        const stopping = startNetWorker(sql, { log });
        await eventually(() => target.seen.some((s) => s.url.search === "?ms=400"), "request sent");
        await stopping.stop();
        const [row] = await sql`select status_code from net._http_response where id = ${id}`;
        assert.equal(row?.status_code, 200);
      });

      await t.step("responses older than the TTL are deleted", async () => {
        await sql`
          insert into net._http_response (id, status_code, created)
          values (-1, 200, now() - interval '2 hours'), (-2, 200, now() - interval '10 minutes')`;
        const sweeper = startNetWorker(sql, { log, ttl: "1 hour", sweepMs: 100 });
        try {
          await eventually(
            async () => (await sql`select 1 from net._http_response where id = -1`).length === 0,
            "the old response deleted",
          );
        } finally {
          await sweeper.stop();
        }
        assert.equal((await sql`select 1 from net._http_response where id = -2`).length, 1);
      });

      assert.equal(logs.length, 0, `no worker errors: ${logs.join("; ")}`);
    } finally {
      await target.stop();
      await db.stop();
    }
  },
});
