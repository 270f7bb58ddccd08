/**
 * Every citation of an outside fact must be followable from the repository: none points into the
 * old design handbook (run scripts/docs/rewrite-citations.ts), and every `docs/<file>.md §N` names
 * a section heading that exists in that doc.
 */
import assert from "node:assert/strict";
import {
  type Citation,
  docSections,
  handbookMentions,
  isExempt,
  readText,
  repoFiles,
  sectionCitations,
} from "./citations.ts";

const files = await repoFiles();
const texts = new Map<string, string>();
for (const path of files) {
  const text = await readText(path);
  if (text !== undefined) texts.set(path, text);
}

function brokenCitations(all: Map<string, string>): string[] {
  const sections = new Map<string, Set<string>>();
  const sectionsOf = (doc: string) => {
    if (!sections.has(doc)) sections.set(doc, docSections(all.get(doc) ?? ""));
    return sections.get(doc)!;
  };
  const problems: string[] = [];
  const exists = (path: string) => all.has(path);
  for (const [path, text] of all) {
    if (path.startsWith("scripts/docs/")) continue; // its tests hold broken citations on purpose
    for (const citation of sectionCitations(path, text, exists)) {
      const problem = citationProblem(citation, sectionsOf);
      if (problem) problems.push(`${path}:${citation.line}: ${problem}`);
    }
  }
  return problems;
}

function citationProblem(citation: Citation, sectionsOf: (doc: string) => Set<string>) {
  const cited = `§${citation.section}`;
  if (citation.missing) return `${citation.missing} ${cited}: no such file in the repository`;
  if (!citation.doc) return `${cited} names no doc: write docs/<file>.md ${cited}`;
  if (!sectionsOf(citation.doc).has(citation.section)) {
    return `${citation.doc} ${cited}: the doc has no section ${citation.section}`;
  }
  return undefined;
}

Deno.test("no file cites the design handbook, which is not in the repository", () => {
  const mentions = [...texts].filter(([path]) => !isExempt(path)).flatMap(([path, text]) =>
    handbookMentions(text).map((m) => `${path}:${m.line}: ${m.text}`)
  );
  assert.deepEqual(
    mentions,
    [],
    "cite docs/ instead: deno run -A scripts/docs/rewrite-citations.ts",
  );
});

Deno.test("every § citation names a doc in the repository and a section it has", () => {
  assert.deepEqual(brokenCitations(texts), []);
});

Deno.test("the check finds a missing section, a missing doc and a citation without a doc", () => {
  const planted = new Map(texts);
  planted.set(
    "supabase/functions/_shared/planted.ts",
    [
      "// docs/meta-platform.md §19 does not exist",
      "// docs/nowhere.md §1",
    ].join("\n"),
  );
  planted.set(
    "supabase/functions/_shared/planted-bare.ts",
    "// bare §2, and no doc named in this file\n// RFC 4648 §5 is someone else's",
  );
  planted.set(
    "scripts/meta-sandbox/planted.ts",
    "// §1A and §42 (the sandbox cites meta-platform)",
  );
  assert.deepEqual(brokenCitations(planted).filter((p) => p.includes("planted")), [
    "supabase/functions/_shared/planted.ts:1: docs/meta-platform.md §19: the doc has no section 19",
    "supabase/functions/_shared/planted.ts:2: docs/nowhere.md §1: no such file in the repository",
    "supabase/functions/_shared/planted-bare.ts:1: §2 names no doc: write docs/<file>.md §2",
    "scripts/meta-sandbox/planted.ts:1: docs/meta-platform.md §42: the doc has no section 42",
  ]);
});

Deno.test("sections are read from numbered headings", () => {
  assert.deepEqual(
    [...docSections("# Title\n## 1. A\n### 1A. B\n### 4.4 Env\n## Other\n**5. bold**\n")],
    ["1", "1A", "4.4"],
  );
});
