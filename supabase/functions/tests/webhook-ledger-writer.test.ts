/**
 * The ledger insert is a single statement on the functions' pool, and on Supabase each function
 * runs in a worker of its own: after a cold start it is the pool's first statement. It must store
 * the delivery then too, before postgres.js has read the array types from the catalog.
 */
import assert from "node:assert/strict";
import { createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };

// a process of its own: a pool nothing has used yet
const firstStatement = `
  import { storeDelivery } from "./supabase/functions/_shared/webhooks/ledger-writer.ts";
  const [rawBody, entryId] = Deno.args;
  const id = await storeDelivery({
    rawBody,
    headers: { "content-type": "application/json" },
    object: "instagram",
    entryIds: [entryId, "2"],
    envelope: true,
  });
  console.log(String(id));
  Deno.exit(0);
`;

Deno.test("a new pool's first ledger insert stores the delivery as received", options, async () => {
  const workspace = await createWorkspace({ label: "ledger-first" });
  try {
    const entryId = `1784${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
    const rawBody = JSON.stringify({ object: "instagram", entry: [{ id: entryId, time: 1 }] });
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["eval", "--ext=ts", firstStatement, rawBody, entryId],
      cwd: new URL("../../../", import.meta.url).pathname,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 0, stderr);
    const stdout = new TextDecoder().decode(output.stdout);
    const id = Number(stdout.trim().split("\n").at(-1));
    assert.ok(Number.isInteger(id), `no ledger id in: ${stdout}`);

    const [row] = await workspace.sql`
      select raw_body, headers, signature_valid, object, entry_ids, status, last_error
      from public.webhook_events where id = ${id}`;
    assert.deepEqual({ ...row }, {
      raw_body: rawBody,
      headers: { "content-type": "application/json" },
      signature_valid: true,
      object: "instagram",
      entry_ids: [entryId, "2"],
      status: "received",
      last_error: null,
    });
  } finally {
    await workspace.close();
  }
});
