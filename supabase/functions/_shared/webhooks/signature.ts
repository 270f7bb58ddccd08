const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * `X-Hub-Signature-256: sha256=<hex>` is HMAC-SHA256 of the raw body bytes with the app secret
 * (docs/meta-platform.md §3). Checked on the bytes as received, never on re-serialised JSON, with
 * crypto.subtle.verify (constant time). Meta's docs disagree on which secret signs Instagram
 * Login webhooks, so each configured secret is tried.
 */
export async function verifyMetaSignature(
  raw: Uint8Array<ArrayBuffer>,
  header: string | null,
  secrets: string[],
): Promise<boolean> {
  const match = /^sha256=(.+)$/.exec(header?.trim() ?? "");
  const signature = match ? hexToBytes(match[1]!) : null;
  if (!signature) return false;
  for (const secret of secrets) {
    if (await crypto.subtle.verify("HMAC", await hmacKey(secret), signature, raw)) return true;
  }
  return false;
}

// importKey costs as much as the verify itself; a secret changes only with a redeploy
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    );
    keys.set(secret, key);
  }
  return key;
}
