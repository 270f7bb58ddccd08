/** dotenv's plain subset: KEY=value lines, `#` comments, optional quotes; set values win. */
export async function loadEnvFile(file: URL) {
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return;
    throw error;
  }
  for (const line of text.split("\n")) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith("#")) continue;
    const [, name, raw] = match;
    const value = raw!.replace(/^(['"])(.*)\1$/, "$2");
    if (Deno.env.get(name!) === undefined) Deno.env.set(name!, value);
  }
}
