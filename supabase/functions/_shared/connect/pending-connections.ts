import { asService } from "../db.ts";
import { tokenCipher } from "../token-cipher.ts";

/** What Meta's consent gave, before anything is connected: the callback's half of a connect. */
export interface ConsentGrant {
  /** long-lived: Instagram Login's account token or Facebook Login's user token */
  token: string;
  tokenExpiresAt: Date | null;
  /** the code exchange's user_id (Instagram Login), one more id webhooks may route by */
  tokenUserId: string | null;
  /** the permissions the code exchange reported (Instagram Login) */
  scopes: string[];
}

/** Who started the connect, from the consumed oauth_states row. */
export interface ConnectStarter {
  stateId: string;
  imoId: string;
  userId: string;
  sessionId: string | null;
  authPath: "instagram_login" | "facebook_login";
}

export type PendingConnection = Omit<ConnectStarter, "stateId"> & { grant: ConsentGrant };

/** Parks a consent for its starter to confirm; returns the id the SPA confirms it by. */
export async function parkConsent(starter: ConnectStarter, grant: ConsentGrant): Promise<string> {
  const cipher = await tokenCipher();
  const encrypted = await cipher.encrypt(grant.token);
  const [row] = await asService((tx) =>
    tx<{ id: string }[]>`
      insert into public.pending_connections (oauth_state_id, imo_id, user_id, session_id, auth_path,
        access_token_encrypted, token_key_id, token_expires_at, token_user_id, scopes)
      values (${starter.stateId}, ${starter.imoId}, ${starter.userId}, ${starter.sessionId},
        ${starter.authPath}, ${encrypted}, ${cipher.activeKeyId}, ${grant.tokenExpiresAt},
        ${grant.tokenUserId}, ${grant.scopes})
      returning id`
  );
  return row!.id;
}

/**
 * Takes a parked consent out, once: the token leaves the row in the same statement, whoever asks,
 * so a link that reached the wrong browser is spent by that browser's attempt. Null when the id
 * is unknown, already taken or past its 10 minutes.
 */
export async function takePendingConnection(id: string): Promise<PendingConnection | null> {
  const [row] = await asService((tx) =>
    tx<{
      imo_id: string;
      user_id: string;
      session_id: string | null;
      auth_path: PendingConnection["authPath"];
      access_token_encrypted: string;
      token_expires_at: Date | null;
      token_user_id: string | null;
      scopes: string[];
    }[]>`
      update public.pending_connections pending
      set completed_at = now(), access_token_encrypted = null, token_key_id = null
      from (
        select id, access_token_encrypted from public.pending_connections
        where id = ${id} and completed_at is null and expires_at > now()
        for update
      ) taken
      where pending.id = taken.id
      returning pending.imo_id, pending.user_id, pending.session_id, pending.auth_path,
        taken.access_token_encrypted, pending.token_expires_at, pending.token_user_id, pending.scopes`
  );
  if (!row) return null;
  return {
    imoId: row.imo_id,
    userId: row.user_id,
    sessionId: row.session_id,
    authPath: row.auth_path,
    grant: {
      token: await (await tokenCipher()).decrypt(row.access_token_encrypted),
      tokenExpiresAt: row.token_expires_at,
      tokenUserId: row.token_user_id,
      scopes: row.scopes,
    },
  };
}
