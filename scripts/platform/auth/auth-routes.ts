import { createLocalJWKSet, errors, jwtVerify } from "jose";
import type postgres from "postgres";
import { z } from "zod";
import { jwks, type SigningKey } from "../keys.ts";
import type { ProjectConfig } from "../project-config.ts";
import { issueAccessToken } from "./access-token.ts";
import { AuthError, authErrorResponse, badRequest } from "./auth-errors.ts";
import {
  endSessions,
  refreshSession,
  sessionExists,
  type SessionGrant,
  startSession,
} from "./sessions.ts";
import { userJson, type UserRow } from "./user-json.ts";
import {
  createEmailUser,
  findIdentities,
  findUserByEmail,
  findUserById,
  passwordMatches,
} from "./users.ts";

export interface AuthContext {
  sql: postgres.Sql;
  key: SigningKey;
  config: ProjectConfig["auth"];
  /** the gateway's public URL; tokens are issued by `${publicUrl}/auth/v1` */
  publicUrl: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const passwordBody = z.object({
  email: z.string().optional(),
  phone: z.string().optional(),
  password: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
const refreshBody = z.object({ refresh_token: z.string().optional() });

/** The subset of GoTrue that @supabase/auth-js v2 uses, mounted by the gateway at /auth/v1. */
export function createAuthHandler(ctx: AuthContext) {
  const verifyKeys = createLocalJWKSet(jwks(ctx.key));
  const issuer = `${ctx.publicUrl}/auth/v1`;

  async function sessionResponse(user: UserRow, grant: SessionGrant) {
    const { token, exp } = await issueAccessToken(
      ctx.key,
      { issuer, expirySeconds: ctx.config.jwt_expiry },
      user,
      grant,
    );
    const fresh = (await findUserById(ctx.sql, user.id))!;
    return json({
      access_token: token,
      token_type: "bearer",
      expires_in: ctx.config.jwt_expiry,
      expires_at: exp,
      refresh_token: grant.refreshToken,
      user: userJson(fresh, await findIdentities(ctx.sql, user.id)),
    });
  }

  async function signup(request: Request) {
    const body = await readBody(request, passwordBody);
    if (!ctx.config.enable_signup || !ctx.config.email.enable_signup) {
      throw new AuthError(422, "signup_disabled", "Signups not allowed for this instance");
    }
    if (!body.email) throw badRequest("validation_failed", "To signup, please provide your email");
    if (!EMAIL.test(body.email)) {
      throw badRequest("email_address_invalid", "Unable to validate email address: invalid format");
    }
    if (!body.password) throw badRequest("validation_failed", "Signup requires a valid password");
    if (body.password.length < ctx.config.minimum_password_length) {
      throw new AuthError(
        422,
        "weak_password",
        `Password should be at least ${ctx.config.minimum_password_length} characters.`,
        { weak_password: { reasons: ["length"] } },
      );
    }
    const autoconfirm = !ctx.config.email.enable_confirmations;
    if (await findUserByEmail(ctx.sql, body.email)) {
      throw new AuthError(422, "user_already_exists", "User already registered");
    }
    const { user, grant } = await ctx.sql.begin(async (tx) => {
      const user = await createEmailUser(tx, {
        email: body.email!,
        password: body.password!,
        data: body.data ?? {},
        autoconfirm,
      });
      return {
        user,
        grant: autoconfirm ? await startSession(tx, user.id, clientOf(request)) : null,
      };
    }).catch((error) => {
      if (error?.code === "23505") {
        throw new AuthError(422, "user_already_exists", "User already registered");
      }
      throw error;
    });
    if (!grant) return json(userJson(user, await findIdentities(ctx.sql, user.id)));
    return sessionResponse(user, grant);
  }

  async function passwordGrant(request: Request) {
    const body = await readBody(request, passwordBody);
    if (body.email && body.phone) {
      throw badRequest(
        "validation_failed",
        "Only an email address or phone number should be provided on login.",
      );
    }
    if (!body.email && !body.phone) throw badRequest("validation_failed", "missing email or phone");
    const invalid = badRequest("invalid_credentials", "Invalid login credentials");
    const user = body.email ? await findUserByEmail(ctx.sql, body.email) : undefined;
    if (!user || !body.password || !(await passwordMatches(ctx.sql, user.id, body.password))) {
      throw invalid;
    }
    if (!user.email_confirmed_at) throw badRequest("email_not_confirmed", "Email not confirmed");
    if (user.banned_until && user.banned_until.getTime() > Date.now()) {
      throw badRequest("user_banned", "User is banned");
    }
    const grant = await ctx.sql.begin((tx) => startSession(tx, user.id, clientOf(request)));
    return sessionResponse(user, grant);
  }

  async function refreshGrant(request: Request) {
    const body = await readBody(request, refreshBody);
    const grant = await refreshSession(ctx.sql, body.refresh_token ?? "", {
      reuseIntervalSeconds: ctx.config.refresh_token_reuse_interval,
    });
    const user = await findUserById(ctx.sql, grant.userId);
    if (!user) {
      throw badRequest("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
    }
    return sessionResponse(user, grant);
  }

  /** auth.go requireAuthentication: 401 without a bearer, 403 for a bad token or a gone session. */
  async function authenticate(request: Request) {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
    if (!match) {
      throw new AuthError(401, "no_authorization", "This endpoint requires a valid Bearer token");
    }
    let claims: Record<string, unknown>;
    try {
      claims = (await jwtVerify(match[1]!, verifyKeys)).payload;
    } catch (error) {
      // GoTrue's parser (golang-jwt v5) words an expired token this way
      const reason = error instanceof errors.JWTExpired
        ? "token has invalid claims: token is expired"
        : error instanceof Error
        ? error.message
        : String(error);
      throw new AuthError(
        403,
        "bad_jwt",
        `invalid JWT: unable to parse or verify signature, ${reason}`,
      );
    }
    const sub = typeof claims.sub === "string" ? claims.sub : "";
    if (!sub) throw new AuthError(403, "bad_jwt", "invalid claim: missing sub claim");
    if (!z.uuid().safeParse(sub).success) {
      throw badRequest("bad_jwt", "invalid claim: sub claim must be a UUID");
    }
    const sessionId = typeof claims.session_id === "string" ? claims.session_id : undefined;
    if (sessionId && !(await sessionExists(ctx.sql, sessionId))) {
      throw new AuthError(
        403,
        "session_not_found",
        "Session from session_id claim in JWT does not exist",
      );
    }
    const user = await findUserById(ctx.sql, sub);
    if (!user) {
      throw new AuthError(403, "user_not_found", "User from sub claim in JWT does not exist");
    }
    return { user, claims, sessionId };
  }

  async function getUser(request: Request) {
    const { user, claims } = await authenticate(request);
    if (
      claims.aud !== "authenticated" &&
      !(Array.isArray(claims.aud) && claims.aud[0] === "authenticated")
    ) {
      throw badRequest("validation_failed", "Token audience doesn't match request audience");
    }
    return json(userJson(user, await findIdentities(ctx.sql, user.id)));
  }

  async function logout(request: Request) {
    const { user, sessionId } = await authenticate(request);
    const scope = new URL(request.url).searchParams.get("scope") ?? "global";
    if (scope !== "global" && scope !== "local" && scope !== "others") {
      throw badRequest("validation_failed", "Unsupported logout scope");
    }
    await endSessions(ctx.sql, user.id, sessionId, scope);
    return new Response(null, { status: 204 });
  }

  function settings() {
    return json({
      external: { email: true, phone: false, anonymous_users: false },
      disable_signup: !ctx.config.enable_signup,
      mailer_autoconfirm: !ctx.config.email.enable_confirmations,
      phone_autoconfirm: false,
      sms_provider: "",
      saml_enabled: false,
    });
  }

  async function route(request: Request, path: string): Promise<Response> {
    const method = request.method;
    if (path === "/.well-known/jwks.json" && method === "GET") {
      return json(jwks(ctx.key), 200, { "cache-control": "public, max-age=600" });
    }
    if (path === "/health" && method === "GET") {
      return json({
        version: "dm-desk-local",
        name: "GoTrue",
        description: "local imitation of GoTrue",
      });
    }
    if (path === "/settings" && method === "GET") return settings();
    if (path === "/signup" && method === "POST") return await signup(request);
    if (path === "/token" && method === "POST") {
      const grantType = new URL(request.url).searchParams.get("grant_type");
      if (grantType === "password") return await passwordGrant(request);
      if (grantType === "refresh_token") return await refreshGrant(request);
      throw badRequest("invalid_credentials", "unsupported_grant_type");
    }
    if (path === "/user" && method === "GET") return await getUser(request);
    if (path === "/logout" && method === "POST") return await logout(request);
    throw new AuthError(404, "not_found", "Not Found");
  }

  return async (request: Request, path: string): Promise<Response> => {
    try {
      return await route(request, path);
    } catch (error) {
      if (error instanceof AuthError) return authErrorResponse(error, request);
      console.error("[auth] unexpected failure:", error);
      return authErrorResponse(
        new AuthError(500, "unexpected_failure", "Unexpected failure"),
        request,
      );
    }
  };
}

function clientOf(request: Request) {
  return {
    userAgent: request.headers.get("user-agent"),
    ip: request.headers.get("x-forwarded-for"),
  };
}

async function readBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let value: unknown;
  try {
    value = await request.json();
  } catch {
    throw badRequest("bad_json", "Could not parse request body as JSON");
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw badRequest("validation_failed", z.prettifyError(result.error));
  return result.data;
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}
