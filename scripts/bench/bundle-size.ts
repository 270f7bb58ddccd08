/**
 * The SPA's initial JavaScript, gzipped, against the 250 KB budget: builds `web/` with Vite's
 * manifest into a temporary folder, follows the entry chunk (index.html's) and its static
 * imports, gzips each file as a static host would (level 6, zlib's default) and prints them with
 * the total beside the budget.
 *
 * The entry's own dynamic import counts as initial too: main.tsx imports app.tsx at once (only so
 * that a bad environment shows on the page), so the browser always loads it and what it imports
 * statically (React Router, TanStack Query, supabase-js, zod). The routes are the lazy imports of
 * app.tsx and are left out; each main screen's first visit (initial + its routes' chunks) is
 * printed beside, for a sense of what a first visit really loads.
 *
 *   node_modules/.bin/deno run -A scripts/bench/bundle-size.ts
 *
 * Exits 1 when the initial JavaScript is over 250 KB (250,000 bytes) gzipped.
 */
import { gzipSync } from "node:zlib";
import { z } from "zod";

const BUDGET = 250_000;
const root = new URL("../../", import.meta.url).pathname;

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    dynamicImports: z.array(z.string()).optional(),
  }),
);
type Manifest = z.infer<typeof manifestSchema>;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

async function build(outDir: string) {
  const { code, stderr } = await new Deno.Command(`${root}node_modules/.bin/vite`, {
    args: ["build", "--manifest", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"],
    cwd: `${root}web`,
    // the values only have to pass config/env.ts; nothing is called
    env: {
      VITE_SUPABASE_URL: "https://project-ref.supabase.co",
      VITE_SUPABASE_ANON_KEY: "bundle-size-anon-key",
    },
    stdout: "null",
    stderr: "piped",
  }).output();
  if (code !== 0) throw new Error(`vite build failed:\n${new TextDecoder().decode(stderr)}`);
  return manifestSchema.parse(
    JSON.parse(await Deno.readTextFile(`${outDir}/.vite/manifest.json`)),
  );
}

/** These manifest keys and everything they import statically, each once. */
function withStaticImports(manifest: Manifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    if (!manifest[key]) throw new Error(`${key} is not in the manifest`);
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen];
}

/** The entry, what main.tsx imports at once (app.tsx), and their static imports. */
function initialChunks(manifest: Manifest): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (!entries.length) throw new Error("the manifest has no entry chunk");
  const atOnce = entries.flatMap((key) => manifest[key]!.dynamicImports ?? []);
  return withStaticImports(manifest, [...entries, ...atOnce]);
}

/** The routes each main screen needs on a first visit (the app shell, root.tsx, for the app's). */
const SCREENS: Record<string, string[]> = {
  "Sign in": ["src/app/routes/auth/sign-in.tsx"],
  Messages: ["src/app/routes/app/root.tsx", "src/app/routes/app/messages.tsx"],
  Leads: ["src/app/routes/app/root.tsx", "src/app/routes/app/leads.tsx"],
  "Settings › Channels": ["src/app/routes/app/root.tsx", "src/app/routes/app/settings.tsx"],
  "Home (command center)": ["src/app/routes/app/root.tsx", "src/app/routes/app/home.tsx"],
  "Home › Insights": ["src/app/routes/app/root.tsx", "src/app/routes/app/home-insights.tsx"],
};

async function gzippedSize(path: string) {
  const bytes = await Deno.readFile(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}

const outDir = await Deno.makeTempDir({ prefix: "dmdesk-bundle-" });
try {
  const started = performance.now();
  const manifest = await build(outDir);
  console.log(`built web/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const initial = initialChunks(manifest);
  let total = 0;
  console.log("\ninitial JavaScript (the entry, app.tsx and their static imports):");
  for (const key of initial) {
    const { file } = manifest[key]!;
    const size = await gzippedSize(`${outDir}/${file}`);
    total += size.gzip;
    console.log(`  ${file.padEnd(48)} ${kb(size.raw).padStart(10)} → ${kb(size.gzip)} gzipped`);
  }

  const gzipOf = new Map<string, number>();
  for (const key of Object.keys(manifest)) {
    gzipOf.set(key, (await gzippedSize(`${outDir}/${manifest[key]!.file}`)).gzip);
  }
  console.log("\na first visit (initial + the routes of the screen, loaded after it):");
  for (const [screen, routes] of Object.entries(SCREENS)) {
    const chunks = withStaticImports(manifest, [...initial, ...routes]);
    const bytes = chunks.reduce((sum, key) => sum + gzipOf.get(key)!, 0);
    console.log(
      `  ${screen.padEnd(20)} ${kb(bytes).padStart(10)} gzipped (${chunks.length} chunks)`,
    );
  }

  const isOver = total > BUDGET;
  console.log(
    `\ninitial JavaScript: ${kb(total)} gzipped, budget ${kb(BUDGET)} — ${
      isOver ? "OVER" : "within"
    } (${((total / BUDGET) * 100).toFixed(0)} % of it)`,
  );
  if (isOver) Deno.exitCode = 1;
} finally {
  await Deno.remove(outDir, { recursive: true }).catch(() => {});
}
