import { parseEnvFile } from "./load-env-file.ts";

/**
 * The function secrets of supabase/functions/.env.example, with local values generated once per
 * state folder (kept in it, never in the repo). A developer's supabase/functions/.env wins over
 * the generated values when `projectEnvFile` is given (npm start); tests use generated ones only.
 */
export async function localFunctionSecrets(
  stateDir: string,
  projectEnvFile?: URL,
): Promise<Record<string, string>> {
  const file = `${stateDir}/function-secrets.json`;
  let generated: Record<string, string>;
  try {
    generated = JSON.parse(await Deno.readTextFile(file));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    generated = generateSecrets();
    await Deno.writeTextFile(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  const fromProject = projectEnvFile ? await parseEnvFile(projectEnvFile) : {};
  return { ...generated, ...fromProject };
}

function generateSecrets(): Record<string, string> {
  const hex = (bytes: number) =>
    Array.from(
      crypto.getRandomValues(new Uint8Array(bytes)),
      (b) => b.toString(16).padStart(2, "0"),
    ).join("");
  const digits = (count: number) =>
    Array.from(
      crypto.getRandomValues(new Uint8Array(count)),
      (b, i) => (i === 0 ? 1 + (b % 9) : b % 10),
    ).join("");
  const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
  return {
    INSTAGRAM_APP_ID: digits(16),
    INSTAGRAM_APP_SECRET: hex(16),
    META_APP_ID: digits(16),
    META_APP_SECRET: hex(16),
    META_WEBHOOK_VERIFY_TOKEN: hex(16),
    OAUTH_STATE_SECRET: hex(32),
    TOKEN_ENCRYPTION_KEYS: JSON.stringify({ local1: key }),
    TOKEN_ENCRYPTION_KEY_ID: "local1",
  };
}
