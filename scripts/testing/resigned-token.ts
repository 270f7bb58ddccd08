import { decodeJwt } from "jose";
import { loadOrCreateSigningKey, signJwt } from "../platform/keys.ts";

/**
 * `accessToken`'s claims signed again with the platform's own key, with `exp` moved to
 * `expiresInSeconds` from now (negative: already expired). The signature is genuine, so a
 * refusal can only come from the expiry; a test proves the key is right by having a copy with a
 * future `exp` accepted too.
 */
export async function resignedAccessToken(
  accessToken: string,
  expiresInSeconds: number,
): Promise<string> {
  const file = Deno.env.get("SIGNING_KEY_FILE");
  if (!file) {
    throw new Error("SIGNING_KEY_FILE not set: run tests through `npm test` (scripts/test-all.ts)");
  }
  // the file exists while the platform runs; a missing one must not be quietly created anew
  await Deno.stat(file);
  const key = await loadOrCreateSigningKey(file);
  const now = Math.floor(Date.now() / 1000);
  const exp = now + expiresInSeconds;
  return await signJwt(key, { ...decodeJwt(accessToken), iat: Math.min(now, exp - 3600), exp });
}
