/**
 * `npm test` (scripts/test-all.ts): every check and test against a throwaway local platform, in
 * parallel where the two cores allow. Exits non-zero if anything fails and ends with one summary
 * line. `npm test -- <paths>` runs only the Deno tests under those paths (against the platform).
 */
import { type LocalPlatform, startPlatform } from "./platform/local-platform.ts";

const root = new URL("../", import.meta.url).pathname;
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const deno = Deno.execPath();

interface StepResult {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
  seconds: number;
  output: string;
}

async function run(
  name: string,
  command: string,
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    count?: (output: string) => { passed: number; failed: number };
  } = {},
): Promise<StepResult> {
  const started = performance.now();
  const { code, stdout, stderr } = await new Deno.Command(command, {
    args,
    cwd: options.cwd ?? root,
    env: { NO_COLOR: "1", FORCE_COLOR: "0", DMDESK_TEST_RUN: "1", ...options.env },
    stdin: "null",
  }).output();
  // deno colours its output even when piped; counts are read from plain text
  const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
  // stderr first: deno test's "Check <file>" lines go there, and CI shows a failed step's head and
  // tail, so the tail must be stdout's ERRORS and FAILURES sections, not the type-check list.
  const output = (new TextDecoder().decode(stderr) + new TextDecoder().decode(stdout))
    .replace(ansiColour, "");
  const ok = code === 0;
  const counted = options.count?.(output) ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  const result = { name, ok, ...counted, seconds: (performance.now() - started) / 1000, output };
  if (ok && result.failed > 0) result.ok = false;
  if (!ok && result.failed === 0) result.failed = 1;
  report(result);
  return result;
}

function report(result: StepResult) {
  const mark = result.ok ? "ok  " : "FAIL";
  const counts = result.passed + result.failed > 1
    ? ` (${result.passed} passed, ${result.failed} failed)`
    : "";
  console.log(`${mark} ${result.name}${counts} ${result.seconds.toFixed(1)} s`);
  if (!result.ok || Deno.env.get("VERBOSE")) console.log(indent(result.output.trimEnd()));
}

const indent = (text: string) => text.split("\n").map((line) => `     | ${line}`).join("\n");

function denoTestCount(output: string) {
  const line = output.split("\n").reverse().find((l) => /^(ok|FAILED) \| \d+ passed/.test(l)) ?? "";
  return {
    passed: Number(/(\d+) passed/.exec(line)?.[1] ?? 0),
    failed: Number(/(\d+) failed/.exec(line)?.[1] ?? 0),
  };
}

function vitestCount(output: string) {
  const line = output.split("\n").find((l) => /^\s*Tests\s+/.test(l)) ?? "";
  return {
    passed: Number(/(\d+) passed/.exec(line)?.[1] ?? 0),
    failed: Number(/(\d+) failed/.exec(line)?.[1] ?? 0),
  };
}

// A test that ran this script again would start platforms without end.
if (Deno.env.get("DMDESK_TEST_RUN")) {
  throw new Error("scripts/test-all.ts must not run inside a test run");
}

/** End-to-end tests drive Debian's Chromium; CI machines start without it. */
async function ensureChromium(): Promise<StepResult | undefined> {
  const path = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";
  if (await Deno.stat(path).then(() => true, () => false)) return undefined;
  const t0 = performance.now();
  const script =
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium";
  const { code, stdout, stderr } = await new Deno.Command("sh", { args: ["-c", script] }).output();
  const output = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
  const result = {
    name: "install chromium (apt-get)",
    ok: code === 0,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    seconds: (performance.now() - t0) / 1000,
    output,
  };
  report(result);
  return result;
}

async function e2eFiles() {
  const files: string[] = [];
  for await (const entry of Deno.readDir(`${root}web/e2e`)) {
    if (entry.isFile && entry.name.endsWith(".e2e.ts")) files.push(`web/e2e/${entry.name}`);
  }
  return files.sort();
}

/**
 * The local AT Protocol network costs a Node process, a Postgres cluster and seconds of start-up:
 * it runs only when a Bluesky test does (a test file whose path contains "bluesky").
 */
async function needsBluesky(paths: string[]): Promise<boolean> {
  const isBlueskyTest = (name: string) => /bluesky/i.test(name) && /\.(test|e2e)\.tsx?$/.test(name);
  for (const path of paths) {
    const info = await Deno.stat(path).catch(() => undefined);
    if (info?.isFile && isBlueskyTest(path)) return true;
    if (!info?.isDirectory) continue;
    const stack = [path];
    while (stack.length) {
      const dir = stack.pop()!;
      for await (const entry of Deno.readDir(dir)) {
        if (entry.name === "node_modules") continue;
        if (entry.isDirectory) stack.push(`${dir}/${entry.name}`);
        else if (isBlueskyTest(`${dir}/${entry.name}`)) return true;
      }
    }
  }
  return false;
}

const focus = Deno.args;
const started = performance.now();
const tmp = await Deno.makeTempDir({ prefix: "dmdesk-test-" });
// initdb runs as the unprivileged `postgres` user when we are root: it must reach the cluster folder
await Deno.chmod(tmp, 0o755);
let platform: LocalPlatform | undefined;
const results: StepResult[] = [];

try {
  // Phase 1: static checks beside the platform's start-up.
  const platformStart = (async () => {
    const t0 = performance.now();
    try {
      platform = await startPlatform({
        stateDir: `${tmp}/state`,
        persistent: false,
        seed: true,
        preferConfiguredPorts: false,
        gatewayLog: `${tmp}/gateway.log`,
        bluesky: focus.length === 0 || await needsBluesky(focus),
      });
      await platform.bluesky?.ready;
      const result = {
        name: "local platform start",
        ok: true,
        passed: 1,
        failed: 0,
        seconds: (performance.now() - t0) / 1000,
        output: "",
      };
      report(result);
      return result;
    } catch (error) {
      const result = {
        name: "local platform start",
        ok: false,
        passed: 0,
        failed: 1,
        seconds: (performance.now() - t0) / 1000,
        output: String(error instanceof Error ? error.stack : error),
      };
      report(result);
      return result;
    }
  })();
  const chromium = ensureChromium();
  results.push(
    ...await Promise.all(
      focus.length ? [platformStart] : [
        platformStart,
        run("deno fmt --check", deno, ["fmt", "--check"]),
        run("deno lint", deno, ["lint"]),
        run("deno check (functions, scripts, shared)", deno, [
          "check",
          "supabase",
          "scripts",
          "shared",
          "web/e2e",
        ]),
        run("tsc (shared)", bin("tsc"), ["-p", "shared/tsconfig.json"]),
        run("tsc (web)", bin("tsc"), ["-p", "web/tsconfig.json"]),
      ],
    ),
  );

  const chromiumResult = await chromium;
  if (chromiumResult) results.push(chromiumResult);

  // Phase 2: tests.
  const env = platform
    ? {
      ...platform.env,
      SCREENSHOT_DIR: `${root}.local/test-screenshots`,
      GATEWAY_LOG: `${tmp}/gateway.log`,
    }
    : {};
  results.push(
    ...await Promise.all([
      platform
        ? run("deno test", deno, [
          "test",
          "-A",
          "--parallel",
          ...(focus.length ? focus : ["supabase", "scripts", "shared", ...(await e2eFiles())]),
        ], {
          env,
          count: denoTestCount,
        })
        : Promise.resolve({
          name: "deno test",
          ok: false,
          passed: 0,
          failed: 1,
          seconds: 0,
          output: "skipped: the platform did not start",
        }),
      ...(focus.length ? [] : [
        run("vitest (web)", bin("vitest"), ["run"], { cwd: `${root}web`, count: vitestCount }),
        run("eszip bundle of every function", deno, ["run", "-A", "scripts/check-bundles.ts"], {
          count: (o) => ({
            passed: Number(/(\d+) passed/.exec(o)?.[1] ?? 0),
            failed: Number(/(\d+) failed/.exec(o)?.[1] ?? 0),
          }),
        }),
      ]),
    ]),
  );
} finally {
  await platform?.stop().catch((error) => console.error("stopping the platform failed:", error));
  const failedSteps = results.filter((r) => !r.ok);
  if (failedSteps.length) {
    try {
      console.log(
        `gateway log (tail):\n${
          indent((await Deno.readTextFile(`${tmp}/gateway.log`)).split("\n").slice(-40).join("\n"))
        }`,
      );
    } catch {
      // no log written
    }
  }
  await Deno.remove(tmp, { recursive: true }).catch(() => {});
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(
  `\n${results.filter((r) => r.ok).length}/${results.length} steps green in ${
    ((performance.now() - started) / 1000).toFixed(1)
  } s`,
);
console.log(`summary: ${passed} passed, ${failed} failed`);
Deno.exit(failed > 0 || results.some((r) => !r.ok) ? 1 : 0);
