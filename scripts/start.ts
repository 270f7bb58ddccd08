/**
 * `npm start`: Postgres with the demo data, the gateway (Auth, functions, workers) and the SPA in
 * Vite's dev server. Data lives in .local/ and is reused by the next start; Ctrl-C stops it all.
 *   --reset     wipe .local/ first (fresh database and seed)
 *   --no-serve  prepare the database and exit
 */
import { freePort } from "./platform/free-port.ts";
import { startPlatform } from "./platform/local-platform.ts";

const args = new Set(Deno.args);
const root = new URL("../", import.meta.url).pathname;
const stateDir = `${root}.local`;
const started = performance.now();

if (args.has("--reset")) {
  await Deno.remove(stateDir, { recursive: true }).catch(() => {});
  console.log("Removed .local/: starting from an empty database.");
}

const webPort = freePort(5173);
const webUrl = `http://127.0.0.1:${webPort}`;
const platform = await startPlatform({
  stateDir,
  persistent: true,
  seed: true,
  preferConfiguredPorts: true,
  watch: !args.has("--no-serve"),
  webUrl,
});
const { applied, alreadyApplied, seeded } = platform.migrations;
console.log(
  `Database ready: ${applied.length} migrations applied, ${alreadyApplied} already there${
    seeded ? ", demo data seeded" : ""
  }.`,
);

if (args.has("--no-serve")) {
  await platform.stop();
  Deno.exit(0);
}

const vite = new Deno.Command(`${root}node_modules/.bin/vite`, {
  cwd: `${root}web`,
  env: {
    WEB_PORT: String(webPort),
    VITE_SUPABASE_URL: platform.url,
    VITE_SUPABASE_ANON_KEY: platform.anonKey,
  },
  stdin: "null",
  stdout: "null",
  stderr: "inherit",
}).spawn();
await waitFor(webUrl);

console.log(`
  DM Desk is running (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)

  App          ${webUrl}
  Demo login   demo@dmdesk.local / dmdesk-demo
  Status       ${platform.url}/
  API          ${platform.url}   (auth /auth/v1, functions /functions/v1)
  Database     ${platform.databaseUrl}
  Anon key     ${platform.anonKey}

  Ctrl-C stops everything; data stays in .local/ (npm run db:reset starts over).
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping...");
  try {
    vite.kill("SIGTERM");
  } catch {
    // already gone
  }
  await vite.status;
  await platform.stop();
  Deno.exit(0);
}
Deno.addSignalListener("SIGINT", stop);
Deno.addSignalListener("SIGTERM", stop);
vite.status.then((status) => {
  if (!stopping) {
    console.error(`The web dev server exited (code ${status.code}).`);
    stop();
  }
});

async function waitFor(url: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`${url} did not answer within 30 s`);
}
