import { z } from "zod";

/** What Supabase hands every function, plus our own secrets (supabase/functions/.env locally). */
const envSchema = z.object({
  SUPABASE_URL: z.url(),
  SUPABASE_ANON_KEY: z.string().min(1),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(1),
  SUPABASE_DB_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
  /** JSON Web Key Set of the project's signing keys; fetched from Auth when absent */
  SUPABASE_JWKS: z.string().optional(),
});

export type FunctionEnv = z.infer<typeof envSchema>;

let cached: FunctionEnv | undefined;

/** Reads and validates the environment once; a missing variable fails loudly, never as `''`. */
export function env(): FunctionEnv {
  if (cached) return cached;
  const result = envSchema.safeParse(Deno.env.toObject());
  if (!result.success) {
    const names = result.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`function environment is incomplete or invalid: ${names}`);
  }
  cached = result.data;
  return cached;
}
