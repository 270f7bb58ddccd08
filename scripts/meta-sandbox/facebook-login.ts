/**
 * Facebook Login for the Page-linked path (§1B): the dialog on www.facebook.com and
 * `graph.facebook.com/<ver>/oauth/access_token` for the code exchange and fb_exchange_token.
 *
 * The error messages and subcodes of the code exchange (36007 expired, 36008 redirect mismatch,
 * 36009 used) are Facebook Login's usual answers; the Meta pages cited in §1B do not list them.
 */
import { consentPage, dialogErrorPage, dialogParams, redirectTo } from "./consent-page.ts";
import { defaultFacebookUser, FACEBOOK_SCOPES, facebookUserFor } from "./directory.ts";
import type { GraphCall, SandboxServices } from "./graph-context.ts";
import { GraphError, graphErrors } from "./graph-errors.ts";
import { redirectResponse, splitScopes, stringParam } from "./http-helpers.ts";
import { authorizationCode } from "./ids.ts";
import { isAllowedRedirect } from "./instagram-login.ts";
import {
  type FacebookUser,
  HOUR_MS,
  LONG_LIVED_SECONDS,
  type SandboxState,
} from "./sandbox-state.ts";
import { checkToken, expiresInSeconds, issueToken } from "./tokens.ts";

const EXTRA_SCOPES = ["public_profile", "email"];
/** What a `config_id` (Facebook Login for Business configuration, §1B) grants in the sandbox. */
const CONFIG_SCOPES = [
  "instagram_basic",
  "instagram_manage_messages",
  "pages_manage_metadata",
  "pages_show_list",
  "pages_read_engagement",
  "business_management",
];

/** `GET|POST /www.facebook.com/<ver>/dialog/oauth`. */
export async function facebookDialog(services: SandboxServices, request: Request) {
  const { state } = services;
  const params = await dialogParams(request);
  const app = state.metaApp;
  if (params.get("client_id") !== app.appId) {
    return dialogErrorPage(
      "Invalid App ID",
      "The provided app ID does not look like a valid app ID.",
    );
  }
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!isAllowedRedirect(redirectUri, app.redirectUris)) {
    return dialogErrorPage(
      "URL blocked",
      "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.",
    );
  }
  const responseType = params.get("response_type") ?? "code";
  if (responseType !== "code" && responseType !== "token") {
    return dialogErrorPage("Invalid Request", "response_type must be code or token");
  }
  const requested = splitScopes(params.get("scope") ?? undefined);
  const scopes = requested.length
    ? requested
    : params.get("config_id")
    ? CONFIG_SCOPES
    : ["public_profile"];
  const unknown = scopes.filter((s) => !FACEBOOK_SCOPES.includes(s) && !EXTRA_SCOPES.includes(s));
  if (unknown.length) return dialogErrorPage("Invalid Scopes", unknown.join(", "));

  const chosen = params.get("sandbox_account");
  const user = chosen ? facebookUserFor(state, chosen) : defaultFacebookUser(state);
  if (!user) {
    return dialogErrorPage("Unknown account", `No Facebook user, Page or account ${chosen}`);
  }
  const decision = params.get("sandbox_decision");
  const stateParam = params.get("state") ?? undefined;
  // Facebook appends `#_=_` to the redirects of its login dialog.
  if (decision === "deny") {
    return redirectResponse(redirectTo(redirectUri, {
      error: "access_denied",
      error_code: "200",
      error_description: "Permissions error",
      error_reason: "user_denied",
      state: stateParam,
    }, "#_=_"));
  }
  if (decision === "approve") {
    for (const page of state.pages.values()) {
      const account = page.linkedIgAccountId
        ? state.accounts.get(page.linkedIgAccountId)
        : undefined;
      if (page.ownerUserId === user.id && account) account.grantedScopes = [...scopes];
    }
    if (responseType === "token") {
      const token = issueToken(state, "facebook_user_short", {
        type: "facebook_user",
        userId: user.id,
      }, scopes);
      const fragment = new URLSearchParams({ access_token: token.value, expires_in: "3600" });
      if (stateParam) fragment.set("state", stateParam);
      return redirectResponse(`${redirectTo(redirectUri, {})}#${fragment}`);
    }
    const code = authorizationCode();
    state.codes.set(code, {
      code,
      app: "meta",
      redirectUri,
      scopes,
      subject: user.id,
      issuedAt: Date.now(),
      used: false,
    });
    return redirectResponse(redirectTo(redirectUri, { code, state: stateParam }, "#_=_"));
  }
  return consentPage({
    title: "Log in with Facebook",
    appName: `Meta app ${app.appId}`,
    query: params,
    choices: chosen ? [personChoice(state, user)] : facebookChoices(state),
    scopes,
  });
}

/**
 * Who can consent: every Facebook user with a Page (the default user first), each labelled with
 * the Pages they would share and whether an Instagram account is linked to them, so a person
 * can pick the full or the partial connect.
 */
function facebookChoices(state: SandboxState) {
  const fallback = defaultFacebookUser(state);
  const withPages = [...state.facebookUsers.values()].filter((user) =>
    [...state.pages.values()].some((page) => page.ownerUserId === user.id)
  );
  const users = withPages.some((user) => user.id === fallback.id)
    ? [fallback, ...withPages.filter((user) => user.id !== fallback.id)]
    : [fallback, ...withPages];
  return users.map((user) => personChoice(state, user));
}

function personChoice(state: SandboxState, user: FacebookUser) {
  const pages = [...state.pages.values()].filter((page) => page.ownerUserId === user.id)
    .map((page) => {
      const linked = page.linkedIgAccountId
        ? state.accounts.get(page.linkedIgAccountId)
        : undefined;
      return `${page.name} (${linked ? `Instagram @${linked.username}` : "no Instagram account"})`;
    });
  return {
    value: user.id,
    label: pages.length ? `${user.name}: ${pages.join(", ")}` : `${user.name}: no Pages`,
  };
}

const oauthError = (message: string, code: number, subcode?: number) =>
  new GraphError(400, {
    message,
    type: "OAuthException",
    code,
    ...(subcode ? { error_subcode: subcode } : {}),
  });

/** `GET|POST /graph.facebook.com/<ver>/oauth/access_token`: code exchange or fb_exchange_token (§1B). */
export function facebookAccessToken(services: SandboxServices, call: GraphCall) {
  const { state } = services;
  const param = (name: string) => stringParam(call.params, name);
  if (param("client_id") !== state.metaApp.appId) {
    throw oauthError("Error validating application. Invalid application ID.", 101);
  }
  if (param("client_secret") !== state.metaApp.appSecret) {
    throw oauthError("Error validating client secret.", 1);
  }
  if (param("grant_type") === "fb_exchange_token") {
    const short = checkToken(state, param("fb_exchange_token"), "graph.facebook.com", false);
    if (short.owner.type !== "facebook_user") {
      throw graphErrors.invalidParameter("Param fb_exchange_token must be a User access token");
    }
    // §1B: long-lived User tokens answer expires_in ≈ 5183944 and last about 60 days.
    const long = issueToken(state, "facebook_user_long", short.owner, short.scopes);
    return { access_token: long.value, token_type: "bearer", expires_in: LONG_LIVED_SECONDS };
  }
  const raw = param("code");
  if (!raw) throw oauthError("Missing authorization code", 100);
  const code = state.codes.get(raw);
  if (!code || code.app !== "meta") throw oauthError("Invalid verification code format.", 100);
  if (code.used) throw oauthError("This authorization code has been used.", 100, 36009);
  if (Date.now() - code.issuedAt > HOUR_MS) {
    throw oauthError("This authorization code has expired.", 100, 36007);
  }
  if (param("redirect_uri") !== code.redirectUri) {
    throw oauthError(
      "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
      100,
      36008,
    );
  }
  code.used = true;
  const token = issueToken(
    state,
    "facebook_user_short",
    { type: "facebook_user", userId: code.subject },
    code.scopes,
  );
  return { access_token: token.value, token_type: "bearer", expires_in: expiresInSeconds(token) };
}
