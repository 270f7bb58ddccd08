/**
 * Rewrites every citation of the old design handbook (which is not in the repository) into a
 * citation of the repo's own doc with the same section number:
 * `shared/handbook/reference/meta-platform.md §2` → `docs/meta-platform.md §2`.
 *
 *   deno run -A scripts/docs/rewrite-citations.ts
 *
 * Safe to run again (a second run changes nothing); run it after merging work that still cites the
 * handbook. Prints what it changed, and exits 1 when a handbook mention is left that has no repo
 * doc to point at (write one in docs/ first, or reword the mention).
 */
import {
  handbookMentions,
  isExempt,
  readText,
  repoFiles,
  repoRoot,
  rewriteHandbookCitations,
} from "./citations.ts";

let total = 0;
const rewritten: string[] = [];
const left: string[] = [];
for (const path of await repoFiles()) {
  if (isExempt(path)) continue;
  const text = await readText(path);
  if (text === undefined) continue;
  const result = rewriteHandbookCitations(text, path);
  if (result.changed > 0) {
    await Deno.writeTextFile(`${repoRoot}${path}`, result.text);
    console.log(`${path}: ${result.changed}`);
    total += result.changed;
    rewritten.push(path);
  }
  for (const mention of handbookMentions(result.text)) {
    left.push(`${path}:${mention.line}: ${mention.text}`);
  }
}

// A longer path can push Markdown prose past the line width: `deno fmt --check` must still pass.
const formattable = rewritten.filter((path) => /\.(md|tsx?|jsx?|json)$/.test(path));
if (formattable.length > 0) {
  const fmt = await new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--quiet", ...formattable],
    cwd: repoRoot,
  }).output();
  if (!fmt.success) console.log(new TextDecoder().decode(fmt.stderr));
}

console.log(`rewrote ${total} handbook citation${total === 1 ? "" : "s"}`);
if (left.length > 0) {
  console.log(`left, with no repo doc to point at (${left.length}):\n  ${left.join("\n  ")}`);
  Deno.exit(1);
}
