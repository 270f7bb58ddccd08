/**
 * Business Login for Instagram (§1A): the authorize dialog on www.instagram.com, the code exchange on
 * api.instagram.com, and the long-lived exchange and refresh on graph.instagram.com.
 */
import { consentPage, dialogErrorPage, dialogParams, redirectTo } from "./consent-page.ts";
import { findAccount, INSTAGRAM_SCOPES } from "./directory.ts";
import type { GraphCall, SandboxServices } from "./graph-context.ts";
import { GraphError, graphErrors } from "./graph-errors.ts";
import { jsonResponse, redirectResponse, splitScopes, stringParam } from "./http-helpers.ts";
import { authorizationCode } from "./ids.ts";
import { HOUR_MS, LONG_LIVED_SECONDS } from "./sandbox-state.ts";
import { checkToken, issueToken } from "./tokens.ts";

/** `GET|POST /www.instagram.com/oauth/authorize` — consent page, or the redirect once decided. */
export async function instagramAuthorize(services: SandboxServices, request: Request) {
  const { state } = services;
  const params = await dialogParams(request);
  const app = state.instagramApp;
  if (params.get("client_id") !== app.appId) {
    return dialogErrorPage(
      "Invalid Request",
      "Request parameters are invalid: Invalid platform app",
    );
  }
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!isAllowedRedirect(redirectUri, app.redirectUris)) {
    return dialogErrorPage(
      "Invalid Request",
      "Request parameters are invalid: Invalid redirect_uri",
    );
  }
  if (params.get("response_type") !== "code") {
    return dialogErrorPage(
      "Invalid Request",
      "Request parameters are invalid: response_type must be code",
    );
  }
  const scopes = splitScopes(params.get("scope") ?? undefined);
  const unknown = scopes.filter((s) => !INSTAGRAM_SCOPES.includes(s));
  // §1A: the old business_* scope names were deprecated on Jan 27, 2025; a scope is required.
  if (scopes.length === 0 || unknown.length > 0) {
    return dialogErrorPage(
      "Invalid Scopes",
      unknown.length ? unknown.join(", ") : "scope is required",
    );
  }
  const accounts = [...state.accounts.values()].filter((a) => a.loginPath === "instagram_login");
  if (accounts.length === 0) {
    return dialogErrorPage(
      "No account",
      "The sandbox has no Instagram Login account to sign in with.",
    );
  }
  const decision = params.get("sandbox_decision");
  const stateParam = params.get("state") ?? undefined;
  if (decision === "deny") {
    // §1A: a cancelled login redirects with error=access_denied&error_reason=user_denied&error_description=...
    return redirectResponse(redirectTo(redirectUri, {
      error: "access_denied",
      error_reason: "user_denied",
      error_description: "Permissions error",
      state: stateParam,
    }));
  }
  if (decision === "approve") {
    const chosen = params.get("sandbox_account");
    const account = chosen ? findAccount(state, chosen) : accounts[0];
    if (!account || account.loginPath !== "instagram_login") {
      return dialogErrorPage("Unknown account", `No Instagram Login account ${chosen}`);
    }
    account.grantedScopes = [...scopes];
    const code = authorizationCode();
    state.codes.set(code, {
      code,
      app: "instagram",
      redirectUri,
      scopes,
      subject: account.igAccountId,
      issuedAt: Date.now(),
      used: false,
    });
    // §1A: the redirect carries `?code=...#_`; the `#_` is not part of the code.
    return redirectResponse(redirectTo(redirectUri, { code, state: stateParam }, "#_"));
  }
  return consentPage({
    title: "Log in with Instagram",
    appName: `Instagram app ${app.appId}`,
    query: params,
    choices: accounts.map((a) => ({ value: a.igAccountId, label: `@${a.username}` })),
    scopes,
  });
}

export function isAllowedRedirect(uri: string, registered: string[]) {
  if (!URL.canParse(uri) || !/^https?:$/.test(new URL(uri).protocol)) return false;
  return registered.length === 0 || registered.includes(uri);
}

/** §1A step 2's error shape, which is not the Graph one. */
function oauthError(message: string) {
  return jsonResponse({ error_type: "OAuthException", code: 400, error_message: message }, 400);
}

/** `POST /api.instagram.com/oauth/access_token` (form fields, §1A step 2) → short-lived token. */
export async function instagramCodeExchange(services: SandboxServices, request: Request) {
  const { state } = services;
  const app = state.instagramApp;
  const type = request.headers.get("content-type") ?? "";
  // The documented call is a form post; Meta does not read a JSON body here.
  const form = request.method === "POST" &&
      (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data"))
    ? await request.formData()
    : new FormData();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  if (request.method !== "POST") return oauthError("Unsupported method, use POST");
  if (!field("client_id")) return oauthError("Missing required field client_id");
  if (field("client_id") !== app.appId) return oauthError("Invalid platform app");
  if (field("client_secret") !== app.appSecret) {
    return oauthError("Error validating client secret.");
  }
  if (field("grant_type") !== "authorization_code") return oauthError("Invalid grant_type");
  const code = state.codes.get(field("code") ?? "");
  const now = Date.now();
  // §1A: codes are valid for 1 hour and can be used once.
  if (!code || code.app !== "instagram" || code.used || now - code.issuedAt > HOUR_MS) {
    return oauthError("Matching code was not found or was already used");
  }
  if (field("redirect_uri") !== code.redirectUri) {
    return oauthError(
      "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
    );
  }
  code.used = true;
  const account = state.accounts.get(code.subject)!;
  const token = issueToken(
    state,
    "instagram_short",
    { type: "instagram_account", igAccountId: account.igAccountId },
    code.scopes,
  );
  const answer = {
    access_token: token.value,
    user_id: account.tokenUserId,
    permissions: code.scopes.join(","),
  };
  return jsonResponse(app.codeExchangeShape === "data" ? { data: [answer] } : answer);
}

function assertClientSecret(services: SandboxServices, secret: string | undefined) {
  if (secret !== services.state.instagramApp.appSecret) {
    throw new GraphError(400, {
      message: "Error validating client secret.",
      type: "OAuthException",
      code: 1,
    });
  }
}

/** `GET /graph.instagram.com/access_token?grant_type=ig_exchange_token` (§1A step 3). */
export function instagramLongLivedExchange(services: SandboxServices, call: GraphCall) {
  if (stringParam(call.params, "grant_type") !== "ig_exchange_token") {
    throw graphErrors.invalidParameter("Param grant_type must be ig_exchange_token");
  }
  assertClientSecret(services, stringParam(call.params, "client_secret"));
  const short = checkToken(
    services.state,
    stringParam(call.params, "access_token"),
    "graph.instagram.com",
    false,
  );
  if (short.kind !== "instagram_short") {
    throw graphErrors.invalidParameter(
      "Param access_token must be a short-lived Instagram User token",
    );
  }
  const long = issueToken(services.state, "instagram_long", short.owner, short.scopes);
  return { access_token: long.value, token_type: "bearer", expires_in: LONG_LIVED_SECONDS };
}

/**
 * `GET /graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token` (§1A step 4): the token
 * must be long-lived, at least 24 hours old, unexpired, unrevoked, and instagram_business_basic still
 * granted. The refreshed token is valid 60 days from now. The old token is left valid until its own
 * expiry (Meta does not say it is invalidated).
 */
export function instagramRefresh(services: SandboxServices, call: GraphCall) {
  const { state } = services;
  if (stringParam(call.params, "grant_type") !== "ig_refresh_token") {
    throw graphErrors.invalidParameter("Param grant_type must be ig_refresh_token");
  }
  const token = checkToken(
    state,
    stringParam(call.params, "access_token"),
    "graph.instagram.com",
    false,
  );
  if (token.kind !== "instagram_long") {
    throw graphErrors.invalidParameter("Only long-lived Instagram User tokens can be refreshed");
  }
  const now = Date.now();
  if (now - token.issuedAt < 24 * HOUR_MS) {
    throw graphErrors.invalidParameter(
      "The access token cannot be refreshed yet: it must be at least 24 hours old",
    );
  }
  const account = token.owner.type === "instagram_account"
    ? state.accounts.get(token.owner.igAccountId)
    : undefined;
  if (
    !token.scopes.includes("instagram_business_basic") ||
    !account?.grantedScopes.includes("instagram_business_basic")
  ) {
    throw graphErrors.missingPermission("instagram_business_basic");
  }
  const refreshed = issueToken(state, "instagram_long", token.owner, token.scopes, { now });
  return { access_token: refreshed.value, token_type: "bearer", expires_in: LONG_LIVED_SECONDS };
}
