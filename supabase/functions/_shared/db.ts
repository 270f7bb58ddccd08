import postgres from "postgres";
import type { Claims } from "./auth.ts";
import { env } from "./env.ts";

let client: postgres.Sql | undefined;

/**
 * One pool per function instance. `SUPABASE_DB_URL` is a direct connection, not the transaction
 * pooler (docs/local-platform.md §4.8), so statements are prepared: postgres.js otherwise sends
 * every statement with parameters in two round trips (describe, then bind) and Postgres parses it
 * every time, which made a webhook delivery cost about 1.5 times the CPU (issue 12).
 */
export function db(): postgres.Sql {
  client ??= postgres(env().SUPABASE_DB_URL, {
    prepare: true,
    max: 5,
    idle_timeout: 20,
    onnotice: () => {},
  });
  return client;
}

export type Tx = postgres.TransactionSql;

/**
 * Runs `fn` in one transaction as the caller, exactly as PostgREST does: role `authenticated`
 * and the JWT claims in `request.jwt.claims`, so `auth.uid()` and RLS apply.
 */
export function withUser<T>(claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransactionAs("authenticated", claims, fn);
}

/** Runs `fn` in one transaction as the service role (RLS bypassed): webhooks and crons only. */
export function asService<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransactionAs("service_role", { role: "service_role" }, fn);
}

/**
 * The role is set by the transaction's first statement, and `fn`'s first statement goes out right
 * behind it on the same connection (postgres.js pipelines a transaction's queries) instead of
 * waiting for its answer: one round trip less for every transaction, which the webhook's ledger
 * insert and its processing feel most. A statement after a failed one fails too, so nothing runs
 * with the wrong role.
 */
function inTransactionAs<T>(role: string, claims: unknown, fn: (tx: Tx) => Promise<T>) {
  return db().begin(async (tx) => {
    const roleSet = tx`select set_config('role', ${role}, true),
                              set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`
      // sent now, so that it is queued before anything fn sends
      .execute();
    const [, result] = await Promise.all([roleSet, fn(tx)]);
    return result;
  }) as Promise<T>;
}
