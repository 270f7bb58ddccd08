/**
 * `npm start`: Postgres with the demo data, the gateway (Auth, functions, workers) and the SPA in
 * Vite's dev server. Data lives in .local/ and is reused by the next start; Ctrl-C stops it all.
 *   --reset            wipe the state folder first (fresh database and seed)
 *   --no-serve         prepare the database and exit
 *   --state-dir=PATH   keep state elsewhere than .local/ (used by the start-up test)
 */
import { seedBlueskyDemo } from "./bluesky-network/demo.ts";
import { connectInstagramDemo } from "./meta-sandbox/demo.ts";
import { freePort } from "./platform/free-port.ts";
import { startPlatform } from "./platform/local-platform.ts";
import { waitForUrl } from "./platform/wait-for-url.ts";

const args = new Set(Deno.args.filter((arg) => !arg.startsWith("--state-dir=")));
const root = new URL("../", import.meta.url).pathname;
const stateDir =
  Deno.args.find((arg) => arg.startsWith("--state-dir="))?.slice("--state-dir=".length) ??
    `${root}.local`;
const started = performance.now();

if (args.has("--reset")) {
  await Deno.remove(stateDir, { recursive: true }).catch(() => {});
  console.log(`Removed ${stateDir}: starting from an empty database.`);
}

const webPort = freePort(5173);
const webUrl = `http://127.0.0.1:${webPort}`;
const platform = await startPlatform({
  stateDir,
  persistent: true,
  seed: true,
  preferConfiguredPorts: true,
  useProjectEnv: true,
  webUrl,
  // the network starts once the app is up (below); --no-serve only prepares the database
  bluesky: args.has("--no-serve") ? false : "deferred",
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

// The Meta sandbox starts empty each time: the demo's Instagram account is connected to it again
// (the real connect flow) and its seeded contacts made known, beside Vite's start. A failure says
// so and leaves the rest of the app usable.
const instagramDemo = withTimeout(connectInstagramDemo(platform), 60_000).then(
  (demo) =>
    `  Instagram    ${demo.account} is connected to the sandbox: its ${demo.contacts} contacts can be
               answered (${demo.openWindows} inside Meta's 24 h window; Messages)
`,
  (error) => {
    console.error(`The Instagram demo could not be connected: ${error.message}`);
    return "";
  },
);

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
// an exit before stop() has run (an uncaught error, say) must not leave Vite behind
globalThis.addEventListener("unload", () => {
  try {
    vite.kill("SIGTERM");
  } catch {
    // already gone
  }
});
await waitForUrl(webUrl, { exited: vite.status });

reloadGatewayOnChange();
const instagramLine = await instagramDemo;

console.log(`
  DM Desk is running (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)

  App          ${webUrl}
  Demo login   demo@dmdesk.local / dmdesk-demo   (admin; also riley@, owner@, sam@dmdesk.local)
  Status       ${platform.url}/
  Meta sandbox ${platform.metaSandboxUrl}/   (make a candidate DM the demo account)
${instagramLine}  Bluesky      starting the local AT Protocol network… (its addresses follow when it is up)
  API          ${platform.url}   (auth /auth/v1, functions /functions/v1)
  Database     ${platform.databaseUrl}
  Anon key     ${platform.anonKey}

  Ctrl-C stops everything; data stays in .local/ (npm run db:reset starts over).
`);

// The network comes up behind the app (it takes seconds more); a demo that fails to seed leaves
// the rest of the app usable.
const bluesky = platform.bluesky;
bluesky?.begin();
bluesky?.ready
  .then(() => seedBlueskyDemo(platform, bluesky))
  .then((demo) =>
    console.log(`
  Bluesky      PDS ${bluesky.pdsUrl}   AppView ${bluesky.appviewUrl}
               chat simulator ${bluesky.chat.url}
               ${demo.account} is connected; ${demo.contact} mentions and DMs it
               (log in to the demo: Messages › Bluesky)
`)
  )
  .catch((error) => console.error(`The Bluesky demo could not be set up: ${error.message}`));

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

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Function code is loaded once per gateway process, so a change restarts the gateway. */
async function reloadGatewayOnChange() {
  const watcher = Deno.watchFs([`${root}supabase/functions`, `${root}shared/src`]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  for await (const event of watcher) {
    if (stopping) return;
    if (!event.paths.some((path) => /\.(ts|tsx|json)$|\.env$/.test(path))) continue;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (stopping) return;
      await platform.restartGateway().catch((error) =>
        console.error(`Gateway restart failed: ${error.message}`)
      );
      console.log("Functions changed: gateway restarted.");
    }, 300);
  }
}
