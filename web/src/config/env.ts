import { z } from "zod";

const envSchema = z.object({
  VITE_SUPABASE_URL: z.url({ error: "must be a URL, e.g. http://127.0.0.1:54321" }),
  VITE_SUPABASE_ANON_KEY: z.string().min(1),
});

export type Env = {
  supabaseUrl: string;
  supabaseAnonKey: string;
};

// Takes the raw source as a parameter so tests can exercise validation without touching
// import.meta.env, which Vite inlines at build time.
export function parseEnv(source: Record<string, unknown>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return source[name] === undefined || source[name] === ""
        ? `${name} is missing`
        : `${name} ${issue.message}`;
    });
    throw new Error(
      `Invalid web app environment:\n  - ${problems.join("\n  - ")}\n` +
        "Set them in the environment of the Vite process (the platform's start script does this).",
    );
  }
  return {
    supabaseUrl: result.data.VITE_SUPABASE_URL,
    supabaseAnonKey: result.data.VITE_SUPABASE_ANON_KEY,
  };
}

export const env: Env = parseEnv(import.meta.env);
