import { type LocalPlatform, startPlatform } from "../platform/local-platform.ts";

/**
 * A platform for one bench run (no seed, free ports) in a temporary folder; `stop` stops it and
 * removes the folder.
 */
export async function startThrowawayPlatform(
  postgresSettings?: string[],
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
    postgresSettings,
  });
  return {
    ...platform,
    async stop() {
      await platform.stop();
      await Deno.remove(tmp, { recursive: true }).catch(() => {});
    },
  };
}
