/**
 * Citations of the outside facts the code relies on. They live in `docs/` (docs/README.md); an
 * earlier design handbook kept them outside the repository, and code written against it cites its
 * paths. `rewriteHandbookCitations` turns those into citations of the repo's docs, keeping the
 * section numbers, which the docs were written to match.
 */

export const repoRoot = new URL("../../", import.meta.url).pathname;

/** The handbook files that have a repo doc, by their path inside the handbook. */
export const REPO_DOC_FOR: Record<string, string> = {
  "reference/meta-platform.md": "docs/meta-platform.md",
  "reference/supabase-platform.md": "docs/local-platform.md",
};

/** Files that hold these patterns on purpose and are never rewritten. */
export const EXEMPT = [/^docs\//, /^scripts\/docs\//];

// A path into the handbook, however it was written: /work/shared/handbook/reference/x.md,
// ../shared/handbook/..., shared/handbook/..., or handbook/reference/...
const HANDBOOK_PATH =
  /(?:\/work\/shared\/|(?:\.\.\/)*shared\/)?handbook\/((?:[\w-]+\/)*[\w.-]+\.md)/g;
// A handbook file named without a path (`meta-platform.md §3`); after a `/` it is some other path
// (docs/meta-platform.md itself), so a second run finds nothing.
const BARE_NAME = /(?<![\w/.-])(meta-platform|supabase-platform)\.md/g;

export interface Rewrite {
  text: string;
  changed: number;
}

/**
 * Rewrites the handbook citations in `text`, the content of the repo file `path`. A citation
 * becomes the doc's path from the repo root, as code cites it, except a Markdown link target,
 * which must stay a working link from the file's folder.
 */
export function rewriteHandbookCitations(text: string, path: string): Rewrite {
  let changed = 0;
  const up = "../".repeat(path.split("/").length - 1);
  const out = text
    .replace(HANDBOOK_PATH, (whole, inside: string, offset: number, current: string) => {
      const doc = REPO_DOC_FOR[inside];
      if (!doc) return whole;
      changed++;
      return current.slice(0, offset).endsWith("](") ? `${up}${doc}` : doc;
    })
    .replace(BARE_NAME, (_whole, name: string, offset: number, current: string) => {
      changed++;
      const doc = REPO_DOC_FOR[`reference/${name}.md`]!;
      return current.slice(0, offset).endsWith("](") ? `${up}${doc}` : doc;
    });
  return { text: out, changed };
}

/** What still points into the handbook: any path into it, or a handbook file named bare. */
const HANDBOOK_MENTION =
  /(?:shared\/handbook|handbook\/(?:reference|seeds)\/|(?<![\w/.-])(?:meta-platform|supabase-platform|style-anchors|product-anchors)\.md)/g;

export interface Mention {
  line: number;
  text: string;
}

export function handbookMentions(text: string): Mention[] {
  const found: Mention[] = [];
  text.split("\n").forEach((line, index) => {
    for (const match of line.matchAll(HANDBOOK_MENTION)) {
      found.push({ line: index + 1, text: match[0] });
    }
  });
  return found;
}

export const isExempt = (path: string) => EXEMPT.some((pattern) => pattern.test(path));

/**
 * The repository's files as git sees them: tracked, plus new ones it does not ignore (so a check
 * covers work not yet committed). Without git (an unpacked archive), every file outside the
 * folders that are never part of the repo.
 */
export async function repoFiles(root = repoRoot): Promise<string[]> {
  const git = await new Deno.Command("git", {
    args: ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    cwd: root,
    stdout: "piped",
    stderr: "null",
  }).output().catch(() => undefined);
  if (git?.success) {
    return new TextDecoder().decode(git.stdout).split("\0").filter(Boolean).sort();
  }
  const files: string[] = [];
  const skip = new Set([".git", "node_modules", ".local", "dist"]);
  async function walk(dir: string) {
    for await (const entry of Deno.readDir(`${root}${dir}`)) {
      if (skip.has(entry.name)) continue;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile) files.push(path);
    }
  }
  await walk("");
  return files.sort();
}

/** A file's text, or undefined for a binary file or one listed by git but deleted since. */
export async function readText(path: string, root = repoRoot): Promise<string | undefined> {
  const bytes = await Deno.readFile(`${root}${path}`).catch(() => undefined);
  if (!bytes || bytes.includes(0)) return undefined;
  return new TextDecoder().decode(bytes);
}
