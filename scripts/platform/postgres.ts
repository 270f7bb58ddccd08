import { freePort } from "./free-port.ts";
import { startCluster } from "./postgres-cluster.ts";

export interface RunningPostgres {
  url: string;
  /** true when DATABASE_URL pointed at a server we did not start */
  external: boolean;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** folder for the cluster; kept across runs when `persistent` */
  dataDir: string;
  persistent: boolean;
  preferredPort?: number;
  logFile: string;
  /** an already running server to use instead (DATABASE_URL) */
  externalUrl?: string;
  /** more `name=value` settings, each passed as `-c` */
  settings?: string[];
}

const USER = "postgres";
// Local-only superuser password: the cluster listens on loopback only.
const PASSWORD = "postgres";

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  if (options.externalUrl) {
    return { url: options.externalUrl, external: true, stop: async () => {} };
  }

  const port = freePort(options.preferredPort);
  await Deno.mkdir(parentOf(options.dataDir), { recursive: true });
  const log = await Deno.open(options.logFile, { create: true, append: true });
  const encoder = new TextEncoder();
  const write = (line: unknown) => log.writeSync(encoder.encode(`${String(line).trimEnd()}\n`));

  const cluster = await startCluster({
    dataDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    log: write,
    flags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "wal_level=logical",
      "-c",
      "max_connections=200",
      // a throwaway test cluster need not survive a power cut; without synchronous commits the
      // WAL writer flushes every wal_writer_delay, and logical decoding (Realtime's broadcasts
      // from the database) sees a commit only once it is flushed: 10 ms instead of 200
      ...(options.persistent ? [] : [
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "wal_writer_delay=10ms",
      ]),
      ...(options.settings ?? []).flatMap((setting) => ["-c", setting]),
    ],
  });

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    external: false,
    async stop() {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
      if (!options.persistent) await Deno.remove(cluster.dataDir, { recursive: true });
      log.close();
    },
  };
}

const parentOf = (path: string) => path.replace(/\/+$/, "").replace(/\/[^/]*$/, "") || "/";
