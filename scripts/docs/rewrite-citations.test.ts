import assert from "node:assert/strict";
import { handbookMentions, rewriteHandbookCitations } from "./citations.ts";

Deno.test("every way the handbook was cited becomes the repo doc with the same section", () => {
  const before = [
    "// shared/handbook/reference/meta-platform.md §2.3",
    " * Facts: /work/shared/handbook/reference/meta-platform.md (cited as §n).",
    "// see ../shared/handbook/reference/meta-platform.md §1A",
    "/** Instagram Login (meta-platform.md §1A). */",
    "// What Supabase gives every function (supabase-platform.md §4.4)",
    "The facts come from `shared/handbook/reference/meta-platform.md`.",
  ].join("\n");
  const after = [
    "// docs/meta-platform.md §2.3",
    " * Facts: docs/meta-platform.md (cited as §n).",
    "// see docs/meta-platform.md §1A",
    "/** Instagram Login (docs/meta-platform.md §1A). */",
    "// What Supabase gives every function (docs/local-platform.md §4.4)",
    "The facts come from `docs/meta-platform.md`.",
  ].join("\n");
  assert.deepEqual(rewriteHandbookCitations(before, "supabase/functions/x.ts"), {
    text: after,
    changed: 6,
  });
});

Deno.test("a Markdown link keeps working from the file's folder", () => {
  const { text } = rewriteHandbookCitations(
    "[facts](../../shared/handbook/reference/meta-platform.md) and [more](meta-platform.md)",
    "scripts/meta-sandbox/README.md",
  );
  assert.deepEqual(
    text,
    "[facts](../../docs/meta-platform.md) and [more](../../docs/meta-platform.md)",
  );
});

Deno.test("a second run changes nothing", () => {
  const once = rewriteHandbookCitations(
    "// shared/handbook/reference/meta-platform.md §3; supabase-platform.md §1.4; [x](meta-platform.md)",
    "scripts/platform/gateway.ts",
  );
  assert.deepEqual(rewriteHandbookCitations(once.text, "scripts/platform/gateway.ts"), {
    text: once.text,
    changed: 0,
  });
  assert.deepEqual(handbookMentions(once.text), []);
});

Deno.test("what has no repo doc is left as it was, and reported", () => {
  const text =
    "// style: shared/handbook/reference/style-anchors.md §4\nimport '../../shared/src/x.ts';";
  assert.deepEqual(rewriteHandbookCitations(text, "a/b.ts"), { text, changed: 0 });
  assert.deepEqual(handbookMentions(text), [{ line: 1, text: "shared/handbook" }]);
});
