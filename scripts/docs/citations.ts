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
const HANDBOOK_FILE_NAMES = [
  "meta-platform",
  "supabase-platform",
  "style-anchors",
  "product-anchors",
];
const HANDBOOK_MENTION = new RegExp(
  `shared/handbook|handbook/(?:reference|seeds)/|(?<![\\w/.-])(?:${
    HANDBOOK_FILE_NAMES.join("|")
  })\\.md`,
  "g",
);

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

/** Section ids of a doc, from its numbered headings: `## 2. Send API` → 2, `### 4.4 Env` → 4.4 */
export function docSections(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const match of markdown.matchAll(/^#{1,6}\s+(\d+[A-Z]?(?:\.\d+)*)\.?\s/gm)) {
    ids.add(match[1]!);
  }
  return ids;
}

/** Folders whose files cite one doc by bare `§N`, as their README says. */
export const FOLDER_DOCS: Record<string, string> = {
  "scripts/meta-sandbox/": "docs/meta-platform.md",
};

export interface Citation {
  path: string;
  line: number;
  /** the doc's path from the repo root; absent when the citation names none */
  doc?: string;
  section: string;
  /** the cited doc as written, when it is not in the repository */
  missing?: string;
}

const SECTION = /§\s?(\d+[A-Z]?(?:\.\d+)*)/g;
// A doc named right before one or more sections: `docs/x.md §2`, `(x.md §1A/§1B)`, `x.md §3, §4`.
const NAMED =
  /((?:[\w.-]+\/)*[\w.-]+\.md)[`\])]*((?:(?:[\s,;/()–-]|and|or)*§\s?\d+[A-Z]?(?:\.\d+)*)+)/g;
// Sections of outside standards (`RFC 4648 §5`) are not ours to check.
const STANDARD_BEFORE = /RFC\s*\d+\s*$/;

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/**
 * Every `§N` in a file with the doc it cites: the doc named right before it, else the doc the file
 * names elsewhere (`docs/x.md`), else its folder's doc (FOLDER_DOCS); in a doc, the doc itself.
 */
export function sectionCitations(
  path: string,
  text: string,
  exists: (repoPath: string) => boolean,
): Citation[] {
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
  const resolve = (written: string): string | undefined => {
    const candidates = written.includes("/")
      ? [normalise(written), normalise(dir + written)]
      : [`docs/${written}`, normalise(dir + written), written];
    return candidates.find(exists);
  };
  const fileDoc = path.startsWith("docs/")
    ? path
    : /(?<![\w.-])docs\/[\w.-]+\.md/.exec(text)?.[0] ??
      Object.entries(FOLDER_DOCS).find(([folder]) => path.startsWith(folder))?.[1];

  const citations: Citation[] = [];
  text.split("\n").forEach((line, index) => {
    const named = new Map<number, { doc?: string; missing?: string }>();
    for (const match of line.matchAll(NAMED)) {
      const doc = resolve(match[1]!);
      const start = match.index! + match[0].length - match[2]!.length;
      for (const section of match[2]!.matchAll(SECTION)) {
        named.set(start + section.index!, doc ? { doc } : { missing: match[1]! });
      }
    }
    for (const match of line.matchAll(SECTION)) {
      if (STANDARD_BEFORE.test(line.slice(0, match.index))) continue;
      const target = named.get(match.index!) ?? { doc: fileDoc };
      citations.push({ path, line: index + 1, section: match[1]!, ...target });
    }
  });
  return citations;
}
