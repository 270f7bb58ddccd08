import { z } from "zod";
import { fromBase64Url, toBase64Url } from "../../../shared/src/encoding/base64url.ts";

/**
 * The OAuth `state`: `<payload b64url>.<HMAC-SHA256 b64url>` signed with OAUTH_STATE_SECRET.
 * The payload names the oauth_states row that makes it single-use, the user and IMO it is bound
 * to, and its expiry; the row is the authority, the signature stops tampering and guessing.
 */
export const statePayloadSchema = z.object({
  sid: z.uuid(),
  uid: z.uuid(),
  imo: z.uuid(),
  path: z.enum(["instagram_login", "facebook_login"]),
  exp: z.number().int(),
});
export type StatePayload = z.infer<typeof statePayloadSchema>;

const encoder = new TextEncoder();
async function hmacKey(secret: string) {
  return await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    [
      "sign",
      "verify",
    ],
  );
}

export async function signState(payload: StatePayload, secret: string): Promise<string> {
  const body = toBase64Url(encoder.encode(JSON.stringify(payload)));
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(body));
  return `${body}.${toBase64Url(new Uint8Array(signature))}`;
}

export type StateCheck =
  | { ok: true; payload: StatePayload }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

/** Verifies in constant time (crypto.subtle.verify) before trusting a byte of the payload. */
export async function verifyState(
  state: string,
  secret: string,
  now = Date.now(),
): Promise<StateCheck> {
  const [body, signature, extra] = state.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  let signatureBytes: Uint8Array<ArrayBuffer>;
  try {
    signatureBytes = fromBase64Url(signature);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    signatureBytes,
    encoder.encode(body),
  );
  if (!valid) return { ok: false, reason: "bad_signature" };
  let payload: StatePayload;
  try {
    payload = statePayloadSchema.parse(JSON.parse(new TextDecoder().decode(fromBase64Url(body))));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (payload.exp * 1000 <= now) return { ok: false, reason: "expired" };
  return { ok: true, payload };
}
