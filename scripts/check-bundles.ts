/**
 * Deploy check: bundles every `supabase/functions/<slug>/index.ts` into an eszip, the format the
 * Supabase CLI uploads, from the repo root with deno.json's import map. A relative import that
 * escapes the tree or a bare specifier the map does not cover fails here, not at deploy time.
 */
import { build } from "@deno/eszip";
import { discoverFunctions } from "./platform/functions/discover-functions.ts";
import { readProjectConfig } from "./platform/project-config.ts";

const root = new URL("../", import.meta.url);
const functionsDir = new URL("supabase/functions/", root);
// the import map that config.toml hands the CLI for every function
const importMapUrl = new URL("import_map.json", functionsDir).href;
const importMap = await Deno.readTextFile(new URL(importMapUrl));

async function load(specifier: string) {
  if (specifier === importMapUrl) {
    return {
      kind: "module" as const,
      specifier,
      headers: { "content-type": "application/json" },
      content: importMap,
    };
  }
  if (/^(npm|node|jsr):/.test(specifier)) return { kind: "external" as const, specifier };
  if (!specifier.startsWith("file:")) throw new Error(`unexpected remote import ${specifier}`);
  const content = await Deno.readTextFile(new URL(specifier));
  return {
    kind: "module" as const,
    specifier,
    // a JSON module (the AI's intent model) is JSON, as the CLI's own loader sees it
    headers: {
      "content-type": specifier.endsWith(".json") ? "application/json" : "application/typescript",
    },
    content,
  };
}

let failed = 0;
const slugs = await discoverFunctions(functionsDir);
const config = await readProjectConfig();
for (const slug of slugs) {
  // without it the CLI would deploy the function with no import map and bare imports would fail
  if (config.functions[slug]?.import_map !== "./functions/import_map.json") {
    failed++;
    console.error(
      `FAILED ${slug}: supabase/config.toml needs [functions.${slug}] import_map = "./functions/import_map.json"`,
    );
    continue;
  }
  const entry = new URL(`${slug}/index.ts`, functionsDir).href;
  try {
    const bytes = await build([entry], load, importMapUrl);
    console.log(`ok ${slug}: ${(bytes.byteLength / 1024).toFixed(1)} KiB eszip`);
  } catch (error) {
    failed++;
    console.error(`FAILED ${slug}: ${error instanceof Error ? error.message : error}`);
  }
}
console.log(`${slugs.length - failed} passed, ${failed} failed`);
if (failed) Deno.exit(1);
