import { createClient, type SupabaseClient } from "@supabase/supabase-js";

/** The running platform a test talks to; `npm test` starts a throwaway one and sets these. */
export function platformEnv() {
  const names = [
    "SUPABASE_URL",
    "SUPABASE_ANON_KEY",
    "SUPABASE_SERVICE_ROLE_KEY",
    "DATABASE_URL",
  ] as const;
  const missing = names.filter((name) => !Deno.env.get(name));
  if (missing.length) {
    throw new Error(
      `${missing.join(", ")} not set: run tests through \`npm test\` (scripts/test-all.ts)`,
    );
  }
  const get = (name: (typeof names)[number]) => Deno.env.get(name)!;
  return {
    url: get("SUPABASE_URL"),
    anonKey: get("SUPABASE_ANON_KEY"),
    serviceRoleKey: get("SUPABASE_SERVICE_ROLE_KEY"),
    databaseUrl: get("DATABASE_URL"),
  };
}

/** A supabase-js client as a browser would hold one, without storage shared between tests. */
export function anonClient(): SupabaseClient {
  const { url, anonKey } = platformEnv();
  return createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

export function uniqueEmail(label = "user") {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@test.dmdesk.local`;
}

/** Signs up a fresh user and returns the client holding their session. */
export async function signedInClient(label?: string) {
  const client = anonClient();
  const email = uniqueEmail(label);
  const password = `pw-${crypto.randomUUID()}`;
  const { data, error } = await client.auth.signUp({ email, password });
  if (error || !data.session) throw error ?? new Error("signUp returned no session");
  return { client, email, password, session: data.session, user: data.session.user };
}
