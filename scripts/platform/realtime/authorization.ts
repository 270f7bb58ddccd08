import type postgres from "postgres";
import type { Claims } from "./tokens.ts";

/** Who asks for which topic: the channel's topic without `realtime:`, as policies see it. */
export interface AuthorizationContext {
  topic: string;
  claims: Claims;
  /** the request's `x-` headers, which Realtime hands to policies as request.headers */
  headers: Record<string, string>;
}

export class AuthorizationError extends Error {
  constructor(readonly kind: "missing_partition" | "rls_policy_error", cause: unknown) {
    super(
      kind === "missing_partition"
        ? "Realtime was unable to find the expected messages partition"
        : `RLS policy error: ${(cause as Error)?.message ?? cause}`,
      { cause },
    );
  }
}

class Rollback<T> {
  constructor(readonly value: T) {}
}

/** Runs `fn` in a transaction that is rolled back whatever it did, and returns what it returned. */
async function rolledBack<T>(sql: postgres.Sql, fn: (tx: postgres.TransactionSql) => Promise<T>) {
  try {
    await sql.begin(async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    if ((error as { code?: string }).code === "23514") {
      throw new AuthorizationError("missing_partition", error);
    }
    throw new AuthorizationError("rls_policy_error", error);
  }
  throw new Error("unreachable: the authorization transaction was not rolled back");
}

/** Realtime's Authorization.set_conn_config: the role and claims policies run with. */
async function actAs(tx: postgres.TransactionSql, context: AuthorizationContext) {
  const { claims, topic, headers } = context;
  await tx`
    select set_config('role', ${claims.role}, true),
      set_config('realtime.topic', ${topic}, true),
      set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
      set_config('request.jwt.claim.sub', ${claims.sub ?? null}, true),
      set_config('request.jwt.claim.role', ${claims.role}, true),
      set_config('request.headers', ${JSON.stringify(headers)}, true)`;
}

/**
 * May the caller receive broadcasts on the topic? As supabase/realtime
 * Tenants.Authorization.get_read_authorizations: a probe row is written as the server, then read
 * back as the caller; the select policies on realtime.messages decide whether it is visible.
 */
export function canRead(sql: postgres.Sql, context: AuthorizationContext): Promise<boolean> {
  return rolledBack(sql, async (tx) => {
    const id = crypto.randomUUID();
    await tx`insert into realtime.messages (id, topic, extension)
             values (${id}, ${context.topic}, 'broadcast')`;
    await actAs(tx, context);
    const rows = await tx`select id from realtime.messages where id = ${id}`;
    return rows.length === 1;
  });
}

/**
 * May the caller send broadcasts on the topic? As get_write_authorizations: the caller inserts a
 * probe row; an insert policy allows it or RLS refuses with 42501.
 */
export function canWrite(sql: postgres.Sql, context: AuthorizationContext): Promise<boolean> {
  return rolledBack(sql, async (tx) => {
    await actAs(tx, context);
    try {
      await tx`insert into realtime.messages (topic, extension)
               values (${context.topic}, 'broadcast')`;
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "42501") return false;
      throw error;
    }
  });
}
