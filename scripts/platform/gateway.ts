/**
 * The local stand-in for Supabase's API gateway, Auth, Edge Runtime, Realtime, pg_cron and pg_net: one
 * Deno process on one port. Started by scripts/start.ts and scripts/test-all.ts, which own Postgres.
 */
import { createLocalJWKSet } from "jose";
import postgres from "postgres";
import { z } from "zod";
import { checkApiKey, keyAsBearer } from "./api-keys-guard.ts";
import { createAuthHandler } from "./auth/auth-routes.ts";
import { preflightResponse, withCors } from "./cors.ts";
import { dataApiResponse, isDataApiPath } from "./data-api.ts";
import { discoverFunctions } from "./functions/discover-functions.ts";
import { FunctionHost } from "./functions/function-host.ts";
import { createFunctionsRoute } from "./functions/functions-route.ts";
import { jwks, loadOrCreateSigningKey } from "./keys.ts";
import { readProjectConfig, supabaseDir } from "./project-config.ts";
import { startRealtime } from "./realtime/realtime.ts";
import { type ComponentStatus, statusHtml } from "./status-page.ts";
import { startNetWorker } from "./workers/net-worker.ts";
import { startScheduleWorker } from "./workers/schedule-worker.ts";

const gatewayEnv = z.object({
  DATABASE_URL: z.string().min(1),
  GATEWAY_PORT: z.coerce.number().int().min(0),
  SIGNING_KEY_FILE: z.string().min(1),
  SUPABASE_ANON_KEY: z.string().min(1),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(1),
  WEB_URL: z.string().optional(),
  META_SANDBOX_URL: z.string().optional(),
  BLUESKY_PDS_URL: z.string().optional(),
  BLUESKY_APPVIEW_URL: z.string().optional(),
  BLUESKY_CHAT_SIMULATOR_URL: z.string().optional(),
}).parse(Deno.env.toObject());

const config = await readProjectConfig();
const publicUrl = `http://127.0.0.1:${gatewayEnv.GATEWAY_PORT}`;
const key = await loadOrCreateSigningKey(gatewayEnv.SIGNING_KEY_FILE);
const functionsDir = new URL("functions/", supabaseDir);

// What Supabase gives every function (docs/local-platform.md §4.4); the project's secrets come in
// the environment from the platform (scripts/platform/function-secrets.ts).
Deno.env.set("SUPABASE_URL", publicUrl);
Deno.env.set("SUPABASE_DB_URL", gatewayEnv.DATABASE_URL);
Deno.env.set("SUPABASE_JWKS", JSON.stringify(jwks(key)));

const sql = postgres(gatewayEnv.DATABASE_URL, { max: 10, onnotice: () => {} });
const startedAt = Date.now();
const apiKeys = [gatewayEnv.SUPABASE_ANON_KEY, gatewayEnv.SUPABASE_SERVICE_ROLE_KEY];

let slugs = await discoverFunctions(functionsDir);
const host = new FunctionHost(functionsDir);
const auth = createAuthHandler({ sql, key, config: config.auth, publicUrl });
const functions = createFunctionsRoute({
  host,
  slugs: () => slugs,
  verifyJwt: (slug) => config.functions[slug]?.verify_jwt ?? true,
  keys: createLocalJWKSet(jwks(key)),
  publicUrl,
});
const log = (message: string) => console.log(message);
const scheduleWorker = startScheduleWorker(sql, { log });
const netWorker = startNetWorker(sql, { log });
const realtime = await startRealtime({
  databaseUrl: gatewayEnv.DATABASE_URL,
  keys: createLocalJWKSet(jwks(key)),
  log,
});

async function components(): Promise<ComponentStatus[]> {
  const started = performance.now();
  const postgresStatus = await sql`select current_setting('server_version') as version`
    .then(([row]) => ({
      up: true,
      detail: `PostgreSQL ${row!.version}, ${(performance.now() - started).toFixed(1)} ms`,
    }))
    .catch((error) => ({ up: false, detail: String(error.message ?? error) }));
  const schedule = scheduleWorker.status();
  const net = netWorker.status();
  return [
    { name: "postgres", ...postgresStatus },
    {
      name: "gateway",
      up: true,
      detail: `${publicUrl}, up ${Math.round((Date.now() - startedAt) / 1000)} s`,
    },
    { name: "auth", up: postgresStatus.up, detail: `${publicUrl}/auth/v1, ES256 key ${key.kid}` },
    { name: "functions", up: true, detail: slugs.join(", ") || "none" },
    { name: "realtime", ...realtime.status() },
    {
      name: "schedule worker",
      up: schedule.running,
      detail: `${schedule.jobsRun} runs, last tick ${schedule.lastTickAt ?? "never"}`,
    },
    {
      name: "net worker",
      up: net.running,
      detail: `${net.requestsDone} requests${net.lastError ? `, last error ${net.lastError}` : ""}`,
    },
    ...(gatewayEnv.META_SANDBOX_URL
      ? [await probe("meta sandbox", `${gatewayEnv.META_SANDBOX_URL}/_sandbox/state`)]
      : []),
    ...(gatewayEnv.BLUESKY_PDS_URL
      ? await Promise.all([
        probe("bluesky pds", `${gatewayEnv.BLUESKY_PDS_URL}/xrpc/_health`),
        probe("bluesky appview", `${gatewayEnv.BLUESKY_APPVIEW_URL}/xrpc/_health`),
        probe("bluesky chat simulator", `${gatewayEnv.BLUESKY_CHAT_SIMULATOR_URL}/`),
      ])
      : []),
    ...(gatewayEnv.WEB_URL ? [await probe("web", gatewayEnv.WEB_URL)] : []),
  ];
}

async function probe(name: string, url: string): Promise<ComponentStatus> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return { name, up: response.ok, detail: `${url} (HTTP ${response.status})` };
  } catch (error) {
    return { name, up: false, detail: `${url}: ${error instanceof Error ? error.message : error}` };
  }
}

async function status(request: Request, path: string) {
  const list = await components();
  if (path === "/status.json" || request.headers.get("accept")?.includes("application/json")) {
    return Response.json({ up: list.every((c) => c.up), components: list });
  }
  const links = [
    ...(gatewayEnv.WEB_URL ? [{ label: "Open DM Desk", href: gatewayEnv.WEB_URL }] : []),
    ...(gatewayEnv.META_SANDBOX_URL
      ? [{ label: "Meta sandbox (make a lead DM you)", href: gatewayEnv.META_SANDBOX_URL }]
      : []),
    { label: "status.json", href: "/status.json" },
    { label: "JWKS", href: "/auth/v1/.well-known/jwks.json" },
  ];
  return new Response(statusHtml(list, links), {
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

async function route(request: Request, info: Deno.ServeHandlerInfo): Promise<Response> {
  const preflight = preflightResponse(request);
  if (preflight) return preflight;
  const path = new URL(request.url).pathname;

  if (path.startsWith("/auth/v1/")) {
    const sub = path.slice("/auth/v1".length);
    if (sub === "/.well-known/jwks.json" || sub === "/health") return auth(request, sub);
    const checked = checkApiKey(request, apiKeys);
    return checked instanceof Response ? checked : auth(checked, sub);
  }
  if (path.startsWith("/functions/v1/")) {
    const sub = path.slice("/functions/v1".length);
    if (!slugs.includes(sub.split("/")[1] ?? "")) slugs = await discoverFunctions(functionsDir);
    return functions(keyAsBearer(request), sub, info);
  }
  if (path.startsWith("/realtime/v1/api/")) {
    return realtime.api(request, path.slice("/realtime/v1".length));
  }
  if (path === "/" || path === "/status" || path === "/status.json") return status(request, path);
  if (isDataApiPath(path)) return dataApiResponse(config.api);
  return Response.json({ message: "no route matched" }, { status: 404 });
}

const server = Deno.serve({
  hostname: "127.0.0.1",
  port: gatewayEnv.GATEWAY_PORT,
  onListen: () => console.log(`gateway listening on ${publicUrl}`),
}, async (request, info) => {
  // the 101 answer of a WebSocket upgrade must go back as it is
  if (new URL(request.url).pathname === "/realtime/v1/websocket") {
    return await realtime.websocket(request);
  }
  return withCors(await route(request, info));
});

async function shutdown() {
  await Promise.allSettled([scheduleWorker.stop(), netWorker.stop(), realtime.stop()]);
  await Promise.allSettled(host.pending);
  await server.shutdown();
  await sql.end({ timeout: 2 });
  Deno.exit(0);
}
Deno.addSignalListener("SIGINT", shutdown);
Deno.addSignalListener("SIGTERM", shutdown);
globalThis.addEventListener("unhandledrejection", (event) => {
  console.error("[gateway] unhandled rejection:", event.reason);
  event.preventDefault();
});
