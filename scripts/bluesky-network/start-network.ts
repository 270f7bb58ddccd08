/**
 * Starts the local AT Protocol network (network-process.mjs, in Node) with a Postgres cluster of
 * its own for the AppView, and stops both. Everything is throwaway: the PLC directory lives in
 * memory, so a network never outlives its process (docs/bluesky.md §2).
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
  processAll(): Promise<void>;
  stop(): Promise<void>;
}

const script = new URL("./network-process.mjs", import.meta.url).pathname;
const root = new URL("../../", import.meta.url).pathname;

export async function startBlueskyNetwork(
  options: { stateDir: string; logFile: string; timeoutMs?: number },
): Promise<BlueskyNetwork> {
  await Deno.remove(options.stateDir, { recursive: true }).catch(() => {});
  await Deno.mkdir(`${options.stateDir}/tmp`, { recursive: true });
  // run as root, initdb runs as `postgres` and must reach the cluster folder and its password file
  await Deno.chmod(options.stateDir, 0o755);
  await Deno.chmod(`${options.stateDir}/tmp`, 0o755);
  const pg = await startPostgres({
    dataDir: `${options.stateDir}/postgres`,
    persistent: false,
    logFile: `${options.stateDir}/postgres.log`,
  });
  const log = await Deno.open(options.logFile, { create: true, append: true });
  let child: Deno.ChildProcess | undefined;
  try {
    child = new Deno.Command("node", {
      args: [script],
      cwd: root,
      env: {
        DB_POSTGRES_URL: pg.url,
        // asserted by TestNetwork.create, never connected to (docs/bluesky.md §2)
        REDIS_HOST: "127.0.0.1:1",
        TMPDIR: `${options.stateDir}/tmp`,
        BLUESKY_APPVIEW_PORT: String(freePort()),
        // dev-env logs every request at info level otherwise
        LOG_ENABLED: "false",
      },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    child.stderr.pipeTo(log.writable, { preventClose: true }).catch(() => {});
    const info = await readyLine(child, log, options.timeoutMs ?? 120_000);
    const running = child;
    let stopped = false;
    const processAll = async () => {
      const response = await fetch(`${info.control}/process-all`, { method: "POST" });
      if (!response.ok) throw new Error(`process-all: ${await response.text()}`);
      await response.body?.cancel();
    };
    return {
      pdsUrl: info.pds,
      plcUrl: info.plc,
      appviewUrl: info.appview,
      controlUrl: info.control,
      processAll,
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopProcess(running, 5000);
        await pg.stop();
        log.close();
        await Deno.remove(options.stateDir, { recursive: true }).catch(() => {});
      },
    };
  } catch (error) {
    if (child) await stopProcess(child);
    await pg.stop();
    log.close();
    throw error;
  }
}

interface ReadyLine {
  pds: string;
  plc: string;
  appview: string;
  control: string;
}

/** The first stdout line that parses as `{ready: true}`; the rest of stdout goes to the log. */
async function readyLine(
  child: Deno.ChildProcess,
  log: Deno.FsFile,
  timeoutMs: number,
): Promise<ReadyLine> {
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const encoder = new TextEncoder();
  let buffered = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the AT Protocol network did not start in ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  const read = async (): Promise<ReadyLine> => {
    while (true) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the AT Protocol network exited during start-up; see its log");
      buffered += value;
      let newline;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        await log.write(encoder.encode(`${line}\n`));
        if (line.startsWith("{")) {
          try {
            const parsed = JSON.parse(line);
            if (parsed.ready) {
              // keep draining stdout into the log, or the child blocks on a full pipe
              (async () => {
                for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
                  await log.write(encoder.encode(chunk.value));
                }
              })().catch(() => {});
              return parsed;
            }
          } catch {
            // a log line that happens to start with "{"
          }
        }
      }
    }
  };
  try {
    return await Promise.race([read(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
