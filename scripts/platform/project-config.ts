import { parse } from "smol-toml";
import { z } from "zod";

const functionConfig = z.object({
  verify_jwt: z.boolean().default(true),
  enabled: z.boolean().default(true),
  import_map: z.string().optional(),
});

/** The subset of supabase/config.toml the local platform honours, with the CLI's defaults. */
const projectConfigSchema = z.object({
  project_id: z.string().default("local"),
  api: z.object({
    // the Data API (PostgREST); the CLI's default is on, and `supabase config push` sends it
    enabled: z.boolean().default(true),
    port: z.number().int().default(54321),
  }).prefault({}),
  db: z.object({ port: z.number().int().default(54322) }).prefault({}),
  auth: z.object({
    site_url: z.string().default("http://127.0.0.1:3000"),
    jwt_expiry: z.number().int().positive().default(3600),
    enable_refresh_token_rotation: z.boolean().default(true),
    refresh_token_reuse_interval: z.number().int().min(0).default(10),
    enable_signup: z.boolean().default(true),
    minimum_password_length: z.number().int().min(6).default(6),
    email: z.object({
      enable_signup: z.boolean().default(true),
      enable_confirmations: z.boolean().default(false),
    }).prefault({}),
  }).prefault({}),
  functions: z.record(z.string(), functionConfig).default({}),
});

export type ProjectConfig = z.infer<typeof projectConfigSchema>;

export const supabaseDir = new URL("../../supabase/", import.meta.url);

export async function readProjectConfig(): Promise<ProjectConfig> {
  const text = await Deno.readTextFile(new URL("config.toml", supabaseDir));
  const result = projectConfigSchema.safeParse(parse(text));
  if (!result.success) {
    throw new Error(`supabase/config.toml is invalid:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}
