import { toBase64Url } from "../../../../shared/src/encoding/base64url.ts";

/**
 * An invitation link's secret: 32 random bytes (base64url, 43 characters). The database keeps only
 * its SHA-256, so a leaked table or backup opens no invitation.
 */
export async function newInvitationToken(): Promise<{ token: string; hash: string }> {
  const token = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  return { token, hash: await hashInvitationToken(token) };
}

/** Lowercase hex SHA-256 of the token's text, as `imo_invitations.token_hash` stores it. */
export async function hashInvitationToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
