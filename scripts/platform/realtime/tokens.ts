import {
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
} from "jose";

export type Claims = JWTPayload & { role: string; exp: number; sub?: string };

export type TokenCheck =
  | { ok: true; claims: Claims }
  | {
    ok: false;
    /** the error atoms of supabase/realtime ChannelsAuthorization.authorize_conn */
    reason: "expired_token" | "missing_claims" | "token_malformed" | "signature_error" | "signer";
    message: string;
  };

/**
 * A token as Realtime checks one (RealtimeWeb.JwtVerification and ChannelsAuthorization): the
 * signature against the project's keys, `exp` in the future, and `role` and `exp` present. The
 * messages are Realtime's, so clients see the same reasons as on hosted Supabase.
 */
export async function checkToken(token: string, keys: JWTVerifyGetKey): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token.replace(/\s/g, ""), keys);
    if (typeof payload.role !== "string" || typeof payload.exp !== "number") {
      return {
        ok: false,
        reason: "missing_claims",
        message: "Fields `role` and `exp` are required in JWT",
      };
    }
    return { ok: true, claims: payload as Claims };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      const ago = Math.floor(Date.now() / 1000) - Number(error.payload.exp);
      return {
        ok: false,
        reason: "expired_token",
        message: `Token has expired ${ago} seconds ago`,
      };
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return {
        ok: false,
        reason: "signature_error",
        message: "Failed to validate JWT signature",
      };
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      return {
        ok: false,
        reason: "signer",
        message: `Failed to generate JWT signer for key ID (kid) ${
          JSON.stringify(safeKid(token))
        }, check your JWT secret or JWKS configuration`,
      };
    }
    return {
      ok: false,
      reason: "token_malformed",
      message: "The token provided is not a valid JWT",
    };
  }
}

function safeKid(token: string) {
  try {
    return decodeProtectedHeader(token).kid ?? null;
  } catch {
    return null;
  }
}
