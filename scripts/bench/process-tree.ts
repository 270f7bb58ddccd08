/**
 * The processes a bench started (Linux /proc), named by what they are: the gateway, Postgres, the
 * bench itself. For CPU per process (webhook-ingest.ts) and the gateway's memory
 * (webhook-body-limit.ts).
 */

const TICKS = 100;

interface ProcessInfo {
  ppid: number;
  name: "gateway" | "postgres" | "bench (client)" | "other";
  /** user + system CPU seconds */
  cpu: number;
}

function processTree(): Map<number, ProcessInfo> {
  const tree = new Map<number, ProcessInfo>();
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      const cmdline = Deno.readTextFileSync(`/proc/${entry.name}/cmdline`).replaceAll("\0", " ");
      const name = cmdline.includes("gateway.ts")
        ? "gateway"
        : cmdline.includes("postgres")
        ? "postgres"
        : Number(entry.name) === Deno.pid
        ? "bench (client)"
        : "other";
      tree.set(Number(entry.name), {
        ppid: Number(fields[1]),
        name,
        cpu: (Number(fields[11]) + Number(fields[12])) / TICKS,
      });
    } catch {
      // gone meanwhile
    }
  }
  return tree;
}

/** This process and everything it started, by pid. */
function ourProcesses(): Map<number, ProcessInfo> {
  const tree = processTree();
  const ours = new Set([Deno.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, info] of tree) {
      if (!ours.has(pid) && ours.has(info.ppid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  return new Map([...ours].flatMap((pid) => {
    const info = tree.get(pid);
    return info ? [[pid, info] as const] : [];
  }));
}

/** CPU seconds of this process and everything it started, by pid. */
export function cpuByPid(): Map<number, { name: string; cpu: number }> {
  return new Map([...ourProcesses()].map(([pid, { name, cpu }]) => [pid, { name, cpu }]));
}

/** The pid of the gateway this bench started (the Deno process running gateway.ts). */
export function gatewayPid(): number {
  const found = [...ourProcesses()].find(([, info]) => info.name === "gateway");
  if (!found) throw new Error("no gateway process among this bench's children");
  return found[0];
}

/** Resident memory of a process in bytes (VmRSS of /proc/<pid>/status). */
export function residentBytes(pid: number): number {
  const status = Deno.readTextFileSync(`/proc/${pid}/status`);
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}
