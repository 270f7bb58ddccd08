/**
 * `X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256 of the raw body bytes>` keyed with the app
 * secret (§3 "POST signature"; Meta's sample signs the raw buffer). Meta also still sends the older
 * SHA-1 `X-Hub-Signature`; we send it too so receivers that ignore it are exercised as in production.
 */
const encoder = new TextEncoder();

// importing a key costs as much as signing with it; the app secrets are few and rarely change
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(algorithm: "SHA-256" | "SHA-1", secret: string) {
  const id = `${algorithm}:${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: algorithm },
      false,
      ["sign"],
    );
    keys.set(id, key);
  }
  return key;
}

async function hmacHex(algorithm: "SHA-256" | "SHA-1", secret: string, body: Uint8Array) {
  const mac = new Uint8Array(
    await crypto.subtle.sign(
      "HMAC",
      await hmacKey(algorithm, secret),
      body as Uint8Array<ArrayBuffer>,
    ),
  );
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function signatureHeaders(secret: string, body: Uint8Array) {
  return {
    "x-hub-signature-256": `sha256=${await hmacHex("SHA-256", secret, body)}`,
    "x-hub-signature": `sha1=${await hmacHex("SHA-1", secret, body)}`,
  };
}

/** The same check a receiver should make: HMAC over the exact bytes, compared in constant time. */
export async function verifySignature(secret: string, body: Uint8Array, header: string | null) {
  if (!header?.startsWith("sha256=")) return false;
  const expected = `sha256=${await hmacHex("SHA-256", secret, body)}`;
  if (expected.length !== header.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) {
    difference |= expected.charCodeAt(i) ^ header.charCodeAt(i);
  }
  return difference === 0;
}
