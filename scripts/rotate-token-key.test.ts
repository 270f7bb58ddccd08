import assert from "node:assert/strict";
import { createTokenCipher } from "../supabase/functions/_shared/token-cipher.ts";
import { rotateTokenKeys } from "./rotate-token-key.ts";
import { createWorkspace } from "./testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const randomKey = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));

Deno.test("key rotation re-encrypts every token under the new key id, once", options, async () => {
  const workspace = await createWorkspace({ label: "rotation" });
  const oldKey = randomKey();
  const newKey = randomKey();
  const before = await createTokenCipher({ keys: { old1: oldKey }, activeKeyId: "old1" });
  const during = await createTokenCipher({
    keys: { old1: oldKey, new2: newKey },
    activeKeyId: "new2",
  });
  const after = await createTokenCipher({ keys: { new2: newKey }, activeKeyId: "new2" });
  const { sql, imoId } = workspace;
  try {
    const plaintexts = ["IGAAtoken-one", "IGAAtoken-two-😀"];
    for (const [i, token] of plaintexts.entries()) {
      await sql`
        insert into public.channel_accounts (imo_id, platform, auth_path, external_account_id, access_token_encrypted, token_key_id)
        values (${imoId}, 'instagram', 'instagram_login', ${`rot-${crypto.randomUUID()}-${i}`}, ${await before
        .encrypt(token)}, 'old1')`;
    }
    // a row under a key the ring lacks is reported, not fatal
    await sql`
      insert into public.channel_accounts (imo_id, platform, auth_path, external_account_id, access_token_encrypted, token_key_id)
      values (${imoId}, 'instagram', 'instagram_login', ${`rot-${crypto.randomUUID()}-x`}, 'v1.lost.AAAA.BBBB', 'lost')`;

    const result = await rotateTokenKeys(sql, during, { imoId });
    assert.equal(result.rotated, 2);
    assert.equal(result.unreadable.length, 1);

    const rows = await sql<{ access_token_encrypted: string; token_key_id: string }[]>`
      select access_token_encrypted, token_key_id from public.channel_accounts
      where imo_id = ${imoId} and token_key_id <> 'lost'`;
    assert.deepEqual(rows.map((r) => r.token_key_id), ["new2", "new2"]);
    const decrypted = await Promise.all(rows.map((r) => after.decrypt(r.access_token_encrypted)));
    assert.deepEqual(decrypted.sort(), [...plaintexts].sort());
    await assert.rejects(before.decrypt(rows[0]!.access_token_encrypted), /not configured/);

    assert.equal(
      (await rotateTokenKeys(sql, during, { imoId })).rotated,
      0,
      "a second run changes nothing",
    );
  } finally {
    await workspace.close();
  }
});

Deno.test("the cipher binds the key id: a relabelled or altered ciphertext does not decrypt", async () => {
  const key = randomKey();
  const cipher = await createTokenCipher({ keys: { a: key, b: key }, activeKeyId: "a" });
  const sealed = await cipher.encrypt("IGAAsecret");
  assert.equal(await cipher.decrypt(sealed), "IGAAsecret");
  assert.notEqual(await cipher.encrypt("IGAAsecret"), sealed, "a fresh IV every time");
  await assert.rejects(cipher.decrypt(sealed.replace("v1.a.", "v1.b.")));
  const body = sealed.split(".")[3]!;
  await assert.rejects(
    cipher.decrypt(sealed.replace(body, (body[0] === "A" ? "B" : "A") + body.slice(1))),
  );
  await assert.rejects(
    createTokenCipher({ keys: { a: btoa("short") }, activeKeyId: "a" }),
    /32 bytes/,
  );
  await assert.rejects(
    createTokenCipher({ keys: { a: key }, activeKeyId: "z" }),
    /must name a key/,
  );
});
