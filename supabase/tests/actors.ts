/**
 * Running SQL as the callers the API knows: a signed-in user (`withUser`, as PostgREST and our
 * functions do), anon (no session) and the service role (`asService`), and classifying what one
 * statement did without keeping it: every attempt is rolled back.
 */
import { asService, db, type Tx, withUser } from "../functions/_shared/db.ts";
import type { Claims } from "../functions/_shared/auth.ts";

export type Caller = { kind: "user"; claims: Claims } | { kind: "anon" } | { kind: "service" };

/** "allowed": a row was seen or written; "filtered": no row and no error; "denied": 42501. */
export type Outcome = "allowed" | "filtered" | "denied" | `error ${string}` | `allowed x${number}`;

export function asCaller<T>(caller: Caller, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (caller.kind === "user") return withUser(caller.claims, fn);
  if (caller.kind === "service") return asService(fn);
  return db().begin(async (tx) => {
    await tx`set local role anon`;
    await tx`select set_config('request.jwt.claims', '{"role":"anon"}', true)`;
    return fn(tx);
  }) as Promise<T>;
}

class Rollback {
  constructor(readonly rows: number) {}
}

/** Runs one statement as the caller inside a transaction that is always rolled back. */
export async function attempt(
  caller: Caller,
  text: string,
  params: (string | number | null)[] = [],
): Promise<Outcome> {
  try {
    await asCaller(caller, async (tx) => {
      const result = await tx.unsafe(text, params);
      throw new Rollback(result.count);
    });
    throw new Error("unreachable: the attempt was not rolled back");
  } catch (error) {
    if (error instanceof Rollback) {
      if (error.rows === 0) return "filtered";
      return error.rows === 1 ? "allowed" : `allowed x${error.rows}`;
    }
    const code = (error as { code?: string }).code;
    if (code === "42501") return "denied";
    return `error ${code ?? (error as Error).message}`;
  }
}

/** SQLSTATE of the error a promise rejects with (or "none"). */
export async function sqlState(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "none";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
