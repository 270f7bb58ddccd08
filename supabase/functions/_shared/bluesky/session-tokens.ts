import { z } from "zod";
import { fromBase64Url } from "../../../../shared/src/encoding/base64url.ts";

/**
 * A Bluesky session as stored (encrypted, in channel_accounts.access_token_encrypted): the two JWTs
 * of createSession / refreshSession and whose they are (docs/bluesky.md §1).
 */
export const storedSessionSchema = z.object({
  did: z.string().startsWith("did:"),
  handle: z.string(),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

/** The scope of a session made with the main password; app passwords get `com.atproto.appPass*`. */
export const MAIN_PASSWORD_SCOPE = "com.atproto.access";
/** An app password with "Allow access to your direct messages" */
export const DM_SCOPE = "com.atproto.appPassPrivileged";

/**
 * The claims of a session JWT, read without checking the signature: only the PDS that issued it
 * can check it, and we use them only to decide when to refresh and what the password allows.
 */
export function jwtClaims(jwt: string): { iat?: number; exp?: number; scope?: string } {
  try {
    const payload = JSON.parse(new TextDecoder().decode(fromBase64Url(jwt.split(".")[1] ?? "")));
    return typeof payload === "object" && payload ? payload : {};
  } catch {
    return {};
  }
}

export function expiresAt(jwt: string): Date | null {
  const { exp } = jwtClaims(jwt);
  return typeof exp === "number" ? new Date(exp * 1000) : null;
}
