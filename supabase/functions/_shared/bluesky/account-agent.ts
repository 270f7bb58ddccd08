import { Agent, CredentialSession } from "@atproto/api";
import { asService } from "../db.ts";
import { HttpError } from "../http.ts";
import { tokenCipher } from "../token-cipher.ts";
import { expiresAt, type StoredSession, storedSessionSchema } from "./session-tokens.ts";

/** A connected Bluesky channel account, as the functions that act for it need it. */
export interface BlueskyAccount {
  id: string;
  imo_id: string;
  /** the account's DID (external_account_id) */
  did: string;
  handle: string | null;
  service_url: string;
  scopes: string[];
  notifications_cursor: string | null;
  chat_cursor: string | null;
}

/**
 * An access token this old is refreshed before use. Access tokens live 2 hours and a revoked app
 * password is noticed only by a refresh (docs/bluesky.md §1), so this bounds how long a revoked
 * account looks connected.
 */
const REFRESH_AFTER_MS = 15 * 60 * 1000;

export const REAUTH_REASON =
  "Bluesky no longer accepts this app password (it was revoked or has expired). Connect the account again with a new app password.";

export function reconnectRequired(): HttpError {
  return new HttpError(409, "reconnect_required", REAUTH_REASON);
}

/**
 * Runs `fn` with an agent logged in as the account, from its stored session. Tokens the agent
 * refreshes are stored again (encrypted, only over the ciphertext they replace, so a reconnect
 * meanwhile wins); a refresh Bluesky refuses marks the account `expired` for re-auth, and the
 * call then fails with 409 `reconnect_required`.
 */
export async function withAccountAgent<T>(
  accountId: string,
  fn: (agent: Agent, account: BlueskyAccount) => Promise<T>,
): Promise<T> {
  const [row] = await asService((tx) =>
    tx<
      (BlueskyAccount & {
        status: string;
        access_token_encrypted: string | null;
        tokens_at: Date | null;
      })[]
    >`
      select id, imo_id, external_account_id as did, username as handle, service_url, scopes,
        notifications_cursor, chat_cursor, status, access_token_encrypted,
        coalesce(token_refreshed_at, token_issued_at) as tokens_at
      from public.channel_accounts where id = ${accountId} and platform = 'bluesky'`
  );
  if (!row) throw new HttpError(404, "account_not_found", "No such Bluesky account");
  if (row.status !== "connected" || !row.access_token_encrypted || !row.service_url) {
    throw reconnectRequired();
  }
  const cipher = await tokenCipher();
  const stored = storedSessionSchema.parse(
    JSON.parse(await cipher.decrypt(row.access_token_encrypted)),
  );

  let ciphertext = row.access_token_encrypted;
  let expired = false;
  // the library announces new tokens without waiting: writes go one after another, awaited below
  let writes: Promise<unknown> = Promise.resolve();
  const save = async (session: StoredSession) => {
    const next = await cipher.encrypt(JSON.stringify(session));
    const [saved] = await asService((tx) =>
      tx`update public.channel_accounts set access_token_encrypted = ${next},
           token_key_id = ${cipher.activeKeyId}, token_refreshed_at = now(),
           token_expires_at = ${expiresAt(session.refreshJwt)}
         where id = ${accountId} and access_token_encrypted = ${ciphertext} returning id`
    );
    if (saved) ciphertext = next;
  };
  const credential = new CredentialSession(new URL(row.service_url), fetch, (event, session) => {
    if (event === "update" && session) {
      const { did, handle, accessJwt, refreshJwt } = session;
      writes = writes.then(() => save({ did, handle, accessJwt, refreshJwt }));
    } else if (event === "expired") {
      expired = true;
      writes = writes.then(() => markForReauth(accountId, ciphertext));
    }
  });
  credential.session = { ...stored, active: true };
  const agent = new Agent(credential);
  const account: BlueskyAccount = {
    id: row.id,
    imo_id: row.imo_id,
    did: row.did,
    handle: row.handle,
    service_url: row.service_url,
    scopes: row.scopes,
    notifications_cursor: row.notifications_cursor,
    chat_cursor: row.chat_cursor,
  };

  // when our copy of the tokens was made (the access token's own `iat` says the same)
  const tokensAt = row.tokens_at?.getTime() ?? 0;
  let result: T;
  try {
    if (Date.now() - tokensAt >= REFRESH_AFTER_MS) await credential.refreshSession();
    result = await fn(agent, account);
  } catch (error) {
    await writes;
    if (expired) throw reconnectRequired();
    throw error;
  }
  await writes;
  return result;
}

/** The session is dead: the account waits for a person to connect it again. */
export async function markForReauth(accountId: string, ciphertext: string) {
  await asService((tx) =>
    tx`update public.channel_accounts set status = 'expired', status_reason = ${REAUTH_REASON},
         access_token_encrypted = null, token_key_id = null,
         last_error = 'Bluesky refused to refresh the session', last_error_at = now()
       where id = ${accountId} and status = 'connected' and access_token_encrypted = ${ciphertext}`
  );
}
