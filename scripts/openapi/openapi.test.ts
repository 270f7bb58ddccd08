import assert from "node:assert/strict";
import { openApiText } from "./build-openapi.ts";
import { NOT_CLIENT_FACING, OPERATIONS } from "./operations.ts";

const root = new URL("../../", import.meta.url);

Deno.test("docs/openapi.json is what the contracts generate", async () => {
  const committed = await Deno.readTextFile(new URL("docs/openapi.json", root));
  assert.ok(
    committed === openApiText(),
    "docs/openapi.json is stale: run `node_modules/.bin/deno run -A scripts/openapi/write-openapi.ts`",
  );
});

Deno.test("every function is in the API document or named as not client-facing", async () => {
  const functions: string[] = [];
  for await (const entry of Deno.readDir(new URL("supabase/functions/", root))) {
    if (entry.isDirectory && !entry.name.startsWith("_") && entry.name !== "tests") {
      functions.push(entry.name);
    }
  }
  const documented = new Set([...OPERATIONS.map((op) => op.fn), ...Object.keys(NOT_CLIENT_FACING)]);
  assert.deepEqual(functions.filter((name) => !documented.has(name)).sort(), []);
  assert.deepEqual([...documented].filter((name) => !functions.includes(name)).sort(), []);
});

Deno.test("a query parameter keeps its name, requiredness and enum", () => {
  const doc = JSON.parse(openApiText());
  const list = doc.paths["/functions/v1/instagram-get-conversations"].get;
  const byName = Object.fromEntries(
    list.parameters.map((p: { name: string }) => [p.name, p]),
  );
  assert.equal(byName.imo_id.required, true);
  assert.equal(byName.cursor.required, false);
  assert.deepEqual(byName.window.schema.enum, ["open", "closing_soon", "human_agent", "closed"]);
  assert.ok(list.responses["402"]);
});
