import { CredentialSession } from "@atproto/api";
import { storedSessionSchema } from "./session-tokens.ts";

/**
 * On disconnect: ends the session at the PDS (com.atproto.server.deleteSession with the refresh
 * token), so the tokens we drop could not be used even if they had leaked. The app password
 * itself stays valid until its owner revokes it in Bluesky.
 */
export async function endBlueskySession(serviceUrl: string, storedToken: string) {
  const stored = storedSessionSchema.parse(JSON.parse(storedToken));
  const credential = new CredentialSession(new URL(serviceUrl));
  credential.session = { ...stored, active: true };
  await credential.logout();
}
