/**
 * Re-encrypts every channel token under the active key (TOKEN_ENCRYPTION_KEY_ID), so that an old
 * key can be retired. Run with the keyring holding the old and the new key:
 *
 *   TOKEN_ENCRYPTION_KEYS='{"k1":"<old>","k2":"<new>"}' TOKEN_ENCRYPTION_KEY_ID=k2 \
 *   DATABASE_URL=postgres://... deno run -A scripts/rotate-token-key.ts
 *
 * then set the functions' secrets to the new key id and, once no row uses it, drop the old key.
 * Prints counts only, never a token.
 */
import postgres from "postgres";
import { type TokenCipher, tokenCipher } from "../supabase/functions/_shared/token-cipher.ts";

/** Rotates every row, or one IMO's rows; a row the keyring cannot read is counted, not fatal. */
export async function rotateTokenKeys(
  sql: postgres.Sql,
  cipher: TokenCipher,
  scope: { imoId?: string } = {},
) {
  const inScope = scope.imoId ? sql`and imo_id = ${scope.imoId}` : sql``;
  const stale = await sql<{ id: string }[]>`
    select id from public.channel_accounts
    where access_token_encrypted is not null and token_key_id is distinct from ${cipher.activeKeyId} ${inScope}`;
  let rotated = 0;
  const unreadable: string[] = [];
  for (const { id } of stale) {
    await sql.begin(async (tx) => {
      const [row] = await tx<{ access_token_encrypted: string | null }[]>`
        select access_token_encrypted from public.channel_accounts where id = ${id} for update`;
      if (
        !row?.access_token_encrypted ||
        cipher.keyIdOf(row.access_token_encrypted) === cipher.activeKeyId
      ) return;
      let plaintext: string;
      try {
        plaintext = await cipher.decrypt(row.access_token_encrypted);
      } catch {
        unreadable.push(id);
        return;
      }
      const encrypted = await cipher.encrypt(plaintext);
      await tx`update public.channel_accounts
               set access_token_encrypted = ${encrypted}, token_key_id = ${cipher.activeKeyId}
               where id = ${id}`;
      rotated++;
    });
  }
  return { rotated, unreadable };
}

if (import.meta.main) {
  const url = Deno.env.get("DATABASE_URL");
  if (!url) {
    console.error("DATABASE_URL is required (the project's direct connection string).");
    Deno.exit(2);
  }
  const sql = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
  try {
    const cipher = await tokenCipher();
    const { rotated, unreadable } = await rotateTokenKeys(sql, cipher);
    console.log(`re-encrypted ${rotated} tokens under key ${cipher.activeKeyId}`);
    if (unreadable.length) {
      console.error(
        `${unreadable.length} tokens use a key missing from TOKEN_ENCRYPTION_KEYS: ${
          unreadable.join(", ")
        }`,
      );
      Deno.exit(1);
    }
  } finally {
    await sql.end();
  }
}
