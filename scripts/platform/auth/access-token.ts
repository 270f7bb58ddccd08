import { type SigningKey, signJwt } from "../keys.ts";
import type { UserRow } from "./user-json.ts";

/** AccessTokenClaims of internal/tokens/service.go; `aud` is a plain string there too. */
export async function issueAccessToken(
  key: SigningKey,
  options: { issuer: string; expirySeconds: number },
  user: UserRow,
  session: { sessionId: string; signedInAt: number },
) {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + options.expirySeconds;
  const token = await signJwt(key, {
    iss: options.issuer,
    sub: user.id,
    aud: user.aud,
    exp,
    iat,
    email: user.email ?? "",
    phone: user.phone ?? "",
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role,
    aal: "aal1",
    amr: [{ method: "password", timestamp: session.signedInAt }],
    session_id: session.sessionId,
    is_anonymous: user.is_anonymous,
  });
  return { token, exp };
}
