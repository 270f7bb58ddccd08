import { z } from "zod";
import { fromBase64Url, toBase64Url } from "../../../shared/src/encoding/base64url.ts";

/**
 * Channel tokens at rest: AES-256-GCM under a key chosen by id, so keys can rotate
 * (scripts/rotate-token-key.ts). Ciphertext format: `v1.<key id>.<iv b64url>.<ciphertext+tag b64url>`.
 * Keys come from TOKEN_ENCRYPTION_KEYS (JSON `{ "<id>": "<base64 of 32 bytes>" }`) and new
 * ciphertexts use TOKEN_ENCRYPTION_KEY_ID.
 */
const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "key ids are 1-32 letters, digits, _ or -");
const keyringSchema = z.object({
  keys: z.record(keyId, z.string()),
  activeKeyId: keyId,
}).refine((ring) => ring.activeKeyId in ring.keys, {
  message: "TOKEN_ENCRYPTION_KEY_ID must name a key of TOKEN_ENCRYPTION_KEYS",
});

export interface TokenCipher {
  activeKeyId: string;
  encrypt(plaintext: string): Promise<string>;
  decrypt(ciphertext: string): Promise<string>;
  keyIdOf(ciphertext: string): string;
}

export async function createTokenCipher(
  input: { keys: Record<string, string>; activeKeyId: string },
): Promise<TokenCipher> {
  const ring = keyringSchema.parse(input);
  const keys = new Map<string, CryptoKey>();
  for (const [id, encoded] of Object.entries(ring.keys)) {
    const raw = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    if (raw.length !== 32) {
      throw new Error(`token key ${id} must be 32 bytes (base64), got ${raw.length}`);
    }
    keys.set(
      id,
      await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]),
    );
  }

  function parse(ciphertext: string) {
    const [version, id, iv, body] = ciphertext.split(".");
    if (version !== "v1" || !id || !iv || !body) throw new Error("not a v1 token ciphertext");
    return { id, iv: fromBase64Url(iv), body: fromBase64Url(body) };
  }

  return {
    activeKeyId: ring.activeKeyId,
    async encrypt(plaintext) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      // the key id is bound as additional data, so a ciphertext cannot be relabelled
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(ring.activeKeyId) },
        keys.get(ring.activeKeyId)!,
        new TextEncoder().encode(plaintext),
      );
      return `v1.${ring.activeKeyId}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
    },
    async decrypt(ciphertext) {
      const { id, iv, body } = parse(ciphertext);
      const key = keys.get(id);
      if (!key) throw new Error(`token key ${id} is not configured`);
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(id) },
        key,
        body,
      );
      return new TextDecoder().decode(plain);
    },
    keyIdOf: (ciphertext) => parse(ciphertext).id,
  };
}

let fromEnv: Promise<TokenCipher> | undefined;

/** The cipher configured by the function secrets, built once. */
export function tokenCipher(): Promise<TokenCipher> {
  fromEnv ??= (async () => {
    const keys = Deno.env.get("TOKEN_ENCRYPTION_KEYS");
    const activeKeyId = Deno.env.get("TOKEN_ENCRYPTION_KEY_ID");
    if (!keys || !activeKeyId) {
      throw new Error("TOKEN_ENCRYPTION_KEYS and TOKEN_ENCRYPTION_KEY_ID must be set");
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(keys);
    } catch {
      throw new Error("TOKEN_ENCRYPTION_KEYS must be JSON");
    }
    return await createTokenCipher({
      keys: z.record(z.string(), z.string()).parse(parsed),
      activeKeyId,
    });
  })();
  return fromEnv;
}
