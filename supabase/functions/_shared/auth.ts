import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
} from "jose";
import { env } from "./env.ts";
import { HttpError } from "./http.ts";

export interface Claims extends JWTPayload {
  sub?: string;
  role?: string;
  email?: string;
  session_id?: string;
}

let keySet: JWTVerifyGetKey | undefined;

function projectKeys(): JWTVerifyGetKey {
  if (!keySet) {
    const { SUPABASE_JWKS, SUPABASE_URL } = env();
    keySet = SUPABASE_JWKS
      ? createLocalJWKSet(JSON.parse(SUPABASE_JWKS))
      : createRemoteJWKSet(new URL("/auth/v1/.well-known/jwks.json", SUPABASE_URL));
  }
  return keySet;
}

/** Verifies the caller's bearer token against the project's signing keys (docs: jwts.mdx). */
export async function verifyRequest(request: Request): Promise<Claims> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) throw new HttpError(401, "unauthorized", "Missing bearer token");
  try {
    const { payload } = await jwtVerify(match[1]!, projectKeys());
    return payload as Claims;
  } catch {
    throw new HttpError(401, "unauthorized", "Invalid or expired token");
  }
}

/** A signed-in person, not merely a holder of the anon key. */
export async function requireUser(request: Request): Promise<Claims & { sub: string }> {
  const claims = await verifyRequest(request);
  if (claims.role !== "authenticated" || !claims.sub) {
    throw new HttpError(401, "unauthorized", "Sign in to continue");
  }
  return claims as Claims & { sub: string };
}

/** A route of a routed function that acts for a signed-in person. */
export type SignedInRoute = (
  request: Request,
  params: Record<string, string>,
  claims: Claims & { sub: string },
) => Promise<Response>;

/** The route with its caller verified once, before it runs (for router()). */
export const signedIn =
  (route: SignedInRoute) => async (request: Request, params: Record<string, string>) =>
    await route(request, params, await requireUser(request));
