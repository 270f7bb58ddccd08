import type postgres from "postgres";
import { AuthError, badRequest } from "./auth-errors.ts";

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

/** GoTrue's legacy refresh token: 12 lowercase alphanumerics (crypto.SecureAlphanumeric(12)). */
function newRefreshToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
}

export interface SessionGrant {
  userId: string;
  sessionId: string;
  refreshToken: string;
  signedInAt: number;
}

export async function startSession(
  tx: postgres.TransactionSql,
  userId: string,
  client: { userAgent: string | null; ip: string | null },
): Promise<SessionGrant> {
  const sessionId = crypto.randomUUID();
  const refreshToken = newRefreshToken();
  await tx`
    insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at, user_agent, ip)
    values (${sessionId}, ${userId}, now(), now(), 'aal1', now(), ${client.userAgent}, ${client.ip})`;
  await tx`
    insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, session_id)
    values ('00000000-0000-0000-0000-000000000000', ${refreshToken}, ${userId}, false, now(), now(), ${sessionId})`;
  await tx`update auth.users set last_sign_in_at = now(), updated_at = now() where id = ${userId}`;
  await tx`update auth.identities set last_sign_in_at = now() where user_id = ${userId} and provider = 'email'`;
  return { userId, sessionId, refreshToken, signedInAt: Math.floor(Date.now() / 1000) };
}

interface TokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string;
  updated_at: Date;
  not_after: Date | null;
  session_created_at: Date;
  banned: boolean;
}

/**
 * The refresh_token grant with rotation and reuse detection (internal/tokens/service.go):
 * a revoked token that is the parent of the session's active token gets that token back (the
 * client lost the last answer); any other revoked token is accepted only within the reuse
 * interval; outside it the session is ended (as GoTrue does for its newer tokens, so that no
 * token of a leaked family stays usable) and the request refused.
 */
export async function refreshSession(
  sql: postgres.Sql,
  token: string,
  options: { reuseIntervalSeconds: number },
): Promise<SessionGrant> {
  if (token.length < 12 || (token.length === 12 && !/^[a-z0-9]{12}$/.test(token))) {
    throw badRequest("validation_failed", "Refresh token is not valid");
  }
  let reuseError: AuthError | undefined;
  const grant = await sql.begin(async (tx) => {
    const [row] = await tx<TokenRow[]>`
      select t.id, t.token, t.user_id, t.revoked, t.parent, t.session_id, t.updated_at,
             s.not_after, s.created_at as session_created_at,
             coalesce(u.banned_until > now(), false) as banned
      from auth.refresh_tokens t join auth.sessions s on s.id = t.session_id
        join auth.users u on u.id = s.user_id
      where t.token = ${token}
      for update of t, s`;
    if (!row) {
      throw badRequest("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
    }
    // token_refresh.go checks the ban before the session and before any rotation: the token is
    // left as it was, so lifting the ban makes it usable again
    if (row.banned) throw badRequest("user_banned", "Invalid Refresh Token: User Banned");
    if (row.not_after && row.not_after.getTime() < Date.now()) {
      throw badRequest("session_expired", "Invalid Refresh Token: Session Expired");
    }

    let issued: string | undefined;
    if (row.revoked) {
      const [active] = await tx<{ token: string; parent: string | null }[]>`
        select token, parent from auth.refresh_tokens
        where session_id = ${row.session_id} and revoked = false order by id desc limit 1`;
      if (active && active.parent === row.token) {
        issued = active.token;
      } else if (Date.now() > row.updated_at.getTime() + options.reuseIntervalSeconds * 1000) {
        await tx`delete from auth.sessions where id = ${row.session_id}`;
        // committed on purpose: the session stays ended although the request fails
        reuseError = badRequest(
          "refresh_token_already_used",
          "Invalid Refresh Token: Already Used",
        );
        return undefined;
      }
    }
    if (!issued) {
      issued = newRefreshToken();
      await tx`update auth.refresh_tokens set revoked = true, updated_at = now() where id = ${row.id}`;
      await tx`
        insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
        values ('00000000-0000-0000-0000-000000000000', ${issued}, ${row.user_id}, false, now(), now(),
                ${row.token}, ${row.session_id})`;
    }
    await tx`update auth.sessions set refreshed_at = now(), updated_at = now() where id = ${row.session_id}`;
    return {
      userId: row.user_id,
      sessionId: row.session_id,
      refreshToken: issued,
      signedInAt: Math.floor(row.session_created_at.getTime() / 1000),
    };
  });
  if (reuseError || !grant) throw reuseError;
  return grant;
}

export async function sessionExists(sql: postgres.Sql, sessionId: string) {
  const [row] = await sql`select 1 from auth.sessions where id = ${sessionId}`;
  return Boolean(row);
}

/** logout.go: global ends every session of the user, local this one, others all but this one. */
export async function endSessions(
  sql: postgres.Sql,
  userId: string,
  sessionId: string | undefined,
  scope: "global" | "local" | "others",
) {
  if (scope === "global" || !sessionId) {
    await sql`delete from auth.sessions where user_id = ${userId}`;
  } else if (scope === "local") {
    await sql`delete from auth.sessions where id = ${sessionId}`;
  } else {
    await sql`delete from auth.sessions where user_id = ${userId} and id <> ${sessionId}`;
  }
}
