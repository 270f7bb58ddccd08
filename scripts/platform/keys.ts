import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface ApiKeys {
  anonKey: string;
  serviceRoleKey: string;
}

/**
 * The local ES256 signing key, kept in `file` so that sessions and API keys survive a restart of
 * `npm start`; a test run points `file` into its throwaway folder and so gets a fresh key.
 */
export async function loadOrCreateSigningKey(file: string): Promise<SigningKey> {
  let privateJwk: JWK;
  try {
    privateJwk = JSON.parse(await Deno.readTextFile(file));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: crypto.randomUUID(), alg: "ES256" };
    await Deno.writeTextFile(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _private, ...publicFields } = privateJwk;
  const privateKey = await importJWK(privateJwk, "ES256");
  if (!(privateKey instanceof CryptoKey)) throw new Error(`${file} does not hold an EC key`);
  return {
    kid: privateJwk.kid!,
    privateKey,
    publicJwk: { ...publicFields, use: "sig", key_ops: ["verify"], alg: "ES256" },
  };
}

export function jwks(key: SigningKey) {
  return { keys: [key.publicJwk] };
}

export function signJwt(key: SigningKey, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "JWT" })
    .sign(key.privateKey);
}

/** Legacy-style API keys: JWTs with a role claim, as the CLI mints them, signed by our key. */
export async function mintApiKeys(key: SigningKey): Promise<ApiKeys> {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + 10 * 365 * 24 * 3600;
  return {
    anonKey: await signJwt(key, { iss: "supabase-demo", role: "anon", iat, exp }),
    serviceRoleKey: await signJwt(key, { iss: "supabase-demo", role: "service_role", iat, exp }),
  };
}
