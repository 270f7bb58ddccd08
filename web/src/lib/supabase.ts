import { createClient } from "@supabase/supabase-js";
import { env } from "@/config/env.ts";

// One client for the whole SPA: supabase-js keeps the session (and its refresh timer) per
// client instance, so a second client would miss auth state changes.
export const supabase = createClient(env.supabaseUrl, env.supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
});
