import { type LocalPlatform, startPlatform } from "../platform/local-platform.ts";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * A platform for one bench run (no seed, free ports) in a temporary folder; `stop` stops it and
 * removes the folder. A bench stopped with Ctrl-C or `kill` stops it too: Postgres outlives a
 * parent that dies, and a forgotten one would slow every later run on this machine.
 */
export async function startThrowawayPlatform(
  options: {
    gatewayLog?: boolean;
    /** more `name=value` Postgres settings (a bench's pg_stat_statements) */
    postgresSettings?: string[];
  } = {},
): Promise<LocalPlatform> {
  const tmp = await Deno.makeTempDir({ prefix: "dmdesk-bench-" });
  // initdb runs as the unprivileged `postgres` user when we are root: it must reach the folder
  await Deno.chmod(tmp, 0o755);
  console.log("starting a throwaway platform…");
  const platform = await startPlatform({
    stateDir: `${tmp}/state`,
    persistent: false,
    seed: false,
    preferConfiguredPorts: false,
    gatewayLog: options.gatewayLog ? `${tmp}/gateway.log` : undefined,
    postgresSettings: options.postgresSettings,
  });
  const stop = async () => {
    for (const signal of SIGNALS) Deno.removeSignalListener(signal, interrupted);
    await platform.stop();
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
  };
  const interrupted = () => stop().finally(() => Deno.exit(130));
  for (const signal of SIGNALS) Deno.addSignalListener(signal, interrupted);
  return { ...platform, stop };
}
