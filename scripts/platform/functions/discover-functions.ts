const SLUG = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** A function is any `supabase/functions/<slug>/index.ts`; `_shared` and friends never are. */
export async function discoverFunctions(functionsDir: URL): Promise<string[]> {
  const slugs: string[] = [];
  for await (const entry of Deno.readDir(functionsDir)) {
    if (!entry.isDirectory || !SLUG.test(entry.name)) continue;
    try {
      await Deno.stat(new URL(`${entry.name}/index.ts`, functionsDir));
      slugs.push(entry.name);
    } catch {
      // a folder without an entry point is not a function
    }
  }
  return slugs.sort();
}
