import { Buffer } from "node:buffer";
import { createHmac, timingSafeEqual } from "node:crypto";

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * `X-Hub-Signature-256: sha256=<hex>` is HMAC-SHA256 of the raw body bytes with the app secret
 * (docs/meta-platform.md §3). Checked on the bytes as received, never on re-serialised JSON, and
 * compared in constant time. Meta's docs disagree on which secret signs Instagram Login webhooks,
 * so each configured secret is tried. node:crypto (which Supabase's Edge Runtime provides) rather
 * than crypto.subtle: the check runs for every delivery before its 200, and subtle's verify, an
 * asynchronous call for a 2 µs hash, cost several times as much.
 */
export function verifyMetaSignature(
  raw: Uint8Array,
  header: string | null,
  secrets: string[],
): boolean {
  const hex = SIGNATURE.exec(header?.trim() ?? "")?.[1];
  if (!hex) return false;
  const signature = Buffer.from(hex, "hex");
  return secrets.some((secret) =>
    timingSafeEqual(createHmac("sha256", secret).update(raw).digest(), signature)
  );
}
