import postgres from "postgres";
import type { Claims } from "./auth.ts";
import { env } from "./env.ts";

let client: postgres.Sql | undefined;

/** One pool per function instance; `prepare: false` because Supavisor's transaction mode needs it. */
export function db(): postgres.Sql {
  client ??= postgres(env().SUPABASE_DB_URL, {
    prepare: false,
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
  return db().begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true),
                    set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
    return fn(tx);
  }) as Promise<T>;
}

/** Runs `fn` in one transaction as the service role (RLS bypassed): webhooks and crons only. */
export function asService<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().begin(async (tx) => {
    await tx`select set_config('role', 'service_role', true),
                    set_config('request.jwt.claims', ${
      JSON.stringify({ role: "service_role" })
    }, true)`;
    return fn(tx);
  }) as Promise<T>;
}
