import { asService } from "../db.ts";
import { handler, HttpError } from "../http.ts";
import { MetaApiError } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { verifyState } from "../oauth-state.ts";
import { exchangeFacebookLogin } from "./connect-facebook-login.ts";
import { exchangeInstagramLogin } from "./connect-instagram-login.ts";
import { parkConsent } from "./pending-connections.ts";

const STATE_REFUSED =
  "This connection link is invalid, expired or already used. Start connecting again.";

/**
 * instagram-oauth-callback: Meta sends the browser here (no JWT). A state that is tampered,
 * expired or already used is a 400 and nothing is stored. With a good state the code is
 * exchanged for a long-lived token, which is parked (encrypted) and NOT connected: whoever's
 * browser landed here may not be the person who started (a consent link can be forwarded). The
 * browser goes back to the SPA with `connection=<id>`, and the SPA, signed in as the starter,
 * confirms it through instagram-oauth-complete. A declined or failed consent comes back with
 * `connect=cancelled|failed` and a `reason`.
 */
export function createOAuthCallbackHandler() {
  return handler(async (request) => {
    if (request.method !== "GET") throw new HttpError(405, "method_not_allowed", "Use GET");
    const config = metaConfig();
    const params = new URL(request.url).searchParams;
    const state = params.get("state");
    if (!state) throw new HttpError(400, "invalid_state", STATE_REFUSED, { reason: "missing" });
    const checked = await verifyState(state, config.OAUTH_STATE_SECRET);
    if (!checked.ok) {
      throw new HttpError(400, "invalid_state", STATE_REFUSED, { reason: checked.reason });
    }
    const { payload } = checked;

    // single use: the first request to consume the row wins, every later one is refused
    const [row] = await asService((tx) =>
      tx<{ redirect_to: string | null; session_id: string | null }[]>`
        update public.oauth_states set consumed_at = now()
        where id = ${payload.sid} and user_id = ${payload.uid} and imo_id = ${payload.imo}
          and auth_path = ${payload.path} and consumed_at is null and expires_at > now()
        returning redirect_to, session_id`
    );
    if (!row) {
      throw new HttpError(400, "invalid_state", STATE_REFUSED, { reason: "used_or_expired" });
    }
    const back = (query: Record<string, string>) =>
      redirectToApp(config.APP_URL, row.redirect_to, query);

    const denied = params.get("error");
    if (denied) {
      const reason = params.get("error_reason") === "user_denied"
        ? "You declined the permissions on Meta's screen, so nothing was connected."
        : params.get("error_description") ?? denied;
      return back({ connect: "cancelled", reason });
    }
    // Meta appends `#_` to the code on Instagram Login; it is not part of it
    const code = params.get("code")?.replace(/#_$/, "");
    if (!code) return back({ connect: "failed", reason: "Meta sent no authorization code" });

    try {
      const grant = payload.path === "instagram_login"
        ? await exchangeInstagramLogin(config, code)
        : await exchangeFacebookLogin(config, code);
      const connectionId = await parkConsent({
        stateId: payload.sid,
        imoId: payload.imo,
        userId: payload.uid,
        sessionId: row.session_id,
        authPath: payload.path,
      }, grant);
      return back({ connection: connectionId });
    } catch (error) {
      if (error instanceof MetaApiError) {
        console.error(
          `[oauth-callback] Meta refused the code: ${error.code ?? error.status} ${error.message}`,
        );
        return back({ connect: "failed", reason: `Meta refused the connection: ${error.message}` });
      }
      throw error;
    }
  });
}

function redirectToApp(
  appUrl: string,
  returnTo: string | null,
  query: Record<string, string>,
): Response {
  let url = new URL(returnTo ?? "/settings", appUrl);
  // the input schema allows only paths; this keeps a stored oddity from leaving the app anyway
  if (url.origin !== new URL(appUrl).origin) url = new URL("/settings", appUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return new Response(null, { status: 302, headers: { location: url.href } });
}
