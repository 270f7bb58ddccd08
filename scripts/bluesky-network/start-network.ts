/**
 * Starts the local AT Protocol network (network-process.mjs, in Node) with a Postgres cluster of
 * its own for the AppView, and stops both. Everything is throwaway: the PLC directory lives in
 * memory, so a network never outlives its process (docs/bluesky.md §2).
 *
 * The ports are chosen first, so every address is known at once and the network comes up in the
 * background (`ready`): the gateway and the chat simulator need its addresses, not its answers.
 */
import { freePort } from "../platform/free-port.ts";
import { startPostgres } from "../platform/postgres.ts";
import { stopProcess } from "../platform/stop-process.ts";

export interface BlueskyNetwork {
  /** the PDS accounts live on; `http://localhost:<port>` */
  pdsUrl: string;
  plcUrl: string;
  /** the AppView (`@atproto/bsky`), which the PDS proxies `app.bsky.*` reads to */
  appviewUrl: string;
  /** POST `${controlUrl}/process-all` waits until the AppView has indexed every write */
  controlUrl: string;
  /** resolves once every service answers; rejects if the network could not start */
  ready: Promise<void>;
  /** starts a network made with `deferred` (no-op otherwise, and when called again) */
  begin(): void;
  processAll(): Promise<void>;
  stop(): Promise<void>;
}

const script = new URL("./network-process.mjs", import.meta.url).pathname;
const root = new URL("../../", import.meta.url).pathname;

export function startBlueskyNetwork(
  options: {
    stateDir: string;
    logFile: string;
    timeoutMs?: number;
    /** wait for `begin()`: npm start brings the app up first, then the network */
    deferred?: boolean;
  },
): BlueskyNetwork {
  // `localhost`, not 127.0.0.1: dev-env names its services so, and did:web resolves it over http
  const ports = { plc: freePort(), pds: freePort(), appview: freePort(), control: freePort() };
  let child: Deno.ChildProcess | undefined;
  let pg: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let log: Deno.FsFile | undefined;
  let stopping = false;

  const start = async () => {
    if (stopping) throw new Error("stopped before it started");
    await Deno.remove(options.stateDir, { recursive: true }).catch(() => {});
    await Deno.mkdir(`${options.stateDir}/tmp`, { recursive: true });
    // run as root, initdb runs as `postgres` and must reach the cluster folder and its password file
    await Deno.chmod(options.stateDir, 0o755);
    await Deno.chmod(`${options.stateDir}/tmp`, 0o755);
    pg = await startPostgres({
      dataDir: `${options.stateDir}/postgres`,
      persistent: false,
      logFile: `${options.stateDir}/postgres.log`,
    });
    log = await Deno.open(options.logFile, { create: true, append: true });
    if (stopping) throw new Error("stopped during start-up");
    child = new Deno.Command("node", {
      args: [script],
      cwd: root,
      env: {
        DB_POSTGRES_URL: pg.url,
        // asserted by TestNetwork.create, never connected to (docs/bluesky.md §2)
        REDIS_HOST: "127.0.0.1:1",
        TMPDIR: `${options.stateDir}/tmp`,
        BLUESKY_PLC_PORT: String(ports.plc),
        BLUESKY_PDS_PORT: String(ports.pds),
        BLUESKY_APPVIEW_PORT: String(ports.appview),
        BLUESKY_NETWORK_CONTROL_PORT: String(ports.control),
        // dev-env logs every request at info level otherwise
        LOG_ENABLED: "false",
      },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    child.stdout.pipeTo(log.writable, { preventClose: true }).catch(() => {});
    child.stderr.pipeTo(log.writable, { preventClose: true }).catch(() => {});
    await waitForControl(
      `http://127.0.0.1:${ports.control}/`,
      child,
      options.timeoutMs ?? 180_000,
      () => stopping,
    );
  };
  let begin = () => {};
  const begun = new Promise<void>((resolve) => (begin = resolve));
  if (!options.deferred) begin();
  const ready = begun.then(start);
  ready.catch(() => {}); // the caller awaits it; a failure before then must not go unhandled

  return {
    pdsUrl: `http://localhost:${ports.pds}`,
    plcUrl: `http://localhost:${ports.plc}`,
    appviewUrl: `http://localhost:${ports.appview}`,
    controlUrl: `http://127.0.0.1:${ports.control}`,
    ready,
    begin,
    async processAll() {
      const response = await fetch(`http://127.0.0.1:${ports.control}/process-all`, {
        method: "POST",
      });
      if (!response.ok) throw new Error(`process-all: ${await response.text()}`);
      await response.body?.cancel();
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      begin(); // a deferred network that never began now ends at once
      // a network still starting is ended now, not waited for
      if (child) await stopProcess(child, 5000);
      await ready.catch(() => {});
      if (child) await stopProcess(child, 5000);
      await pg?.stop();
      log?.close();
      await Deno.remove(options.stateDir, { recursive: true }).catch(() => {});
    },
  };
}

/** The control endpoint answers once TestNetwork.create has finished (network-process.mjs). */
async function waitForControl(
  url: string,
  child: Deno.ChildProcess,
  timeoutMs: number,
  isStopping: () => boolean,
) {
  let exited = false;
  child.status.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited || isStopping()) {
      throw new Error("the AT Protocol network exited during start-up; see its log");
    }
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the AT Protocol network did not start in ${timeoutMs / 1000} s`);
}
