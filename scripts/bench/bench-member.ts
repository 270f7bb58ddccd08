/** What the API benchmarks share: a signed-in member of IMO A, and timing a call many times. */
import { createClient } from "@supabase/supabase-js";
import type postgres from "postgres";
import { A, generateInbox } from "./inbox-data.ts";

/** A real user through /auth/v1, made a recruiter of IMO A: the token the SPA would hold. */
export async function signedInMember(
  platform: { url: string; anonKey: string },
  sql: postgres.Sql,
) {
  const client = createClient(platform.url, platform.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const email = `bench-${crypto.randomUUID().slice(0, 8)}@bench.local`;
  const { data, error } = await client.auth.signUp({ email, password: "bench-password-1" });
  if (error || !data.session || !data.user) throw error ?? new Error("sign-up gave no session");
  await sql`insert into public.imo_members (imo_id, user_id, role, display_name)
            values (${A.imo}, ${data.user.id}, 'recruiter', 'Bench Recruiter')`;
  return { token: data.session.access_token, userId: data.user.id };
}

export interface Timing {
  p50: number;
  p95: number;
  p99: number;
}

/** `runs` timed calls after `warm` untimed ones (worker boot, plans, caches), in milliseconds. */
export async function timed(
  run: () => Promise<unknown>,
  runs: number,
  warm = 10,
  /** untimed, before each run */
  prepare?: () => Promise<unknown>,
): Promise<Timing> {
  for (let i = 0; i < warm; i++) await prepare?.(), await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await prepare?.();
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Arguments as `--name value` pairs. */
export function benchArgs(): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < Deno.args.length; i += 2) args.set(Deno.args[i]!, Deno.args[i + 1] ?? "");
  return args;
}

/**
 * The API benchmarks' inbox: IMO A with 10,000 conversations and `messages` messages (Team plan),
 * IMO B with 1,000 and 20,000 for RLS to hide.
 */
export async function generateBenchInbox(sql: postgres.Sql, messages: number) {
  await generateInbox(sql, {
    conversations: 10_000,
    withoutMessages: 100,
    messages,
    otherConversations: 1_000,
    otherMessages: 20_000,
  });
  await sql`insert into public.imo_subscriptions (imo_id, plan_code) values (${A.imo}, 'team')`;
}
