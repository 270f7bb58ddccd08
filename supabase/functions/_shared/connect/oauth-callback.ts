import type { ConnectResult } from "../../../../shared/src/contracts/instagram-connect.ts";
import { jsonToBase64Url } from "../../../../shared/src/encoding/base64url.ts";
import { asService } from "../db.ts";
import { handler, HttpError } from "../http.ts";
import { MetaApiError } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { verifyState } from "../oauth-state.ts";
import { afterResponse } from "../after-response.ts";
import { syncConversations } from "../webhooks/sync-conversations.ts";
import { connectFacebookLogin } from "./connect-facebook-login.ts";
import { connectInstagramLogin } from "./connect-instagram-login.ts";

const STATE_REFUSED =
  "This connection link is invalid, expired or already used. Start connecting again.";

/**
 * instagram-oauth-callback: Meta sends the browser here (no JWT). A state that is tampered,
 * expired or already used is a 400 and nothing is stored. With a good state the browser always
 * goes back to the SPA, with `connect=connected|partial|cancelled|failed`, a `reason` and the
 * per-platform `result` (base64url JSON).
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
      tx<{ redirect_to: string | null }[]>`
        update public.oauth_states set consumed_at = now()
        where id = ${payload.sid} and user_id = ${payload.uid} and imo_id = ${payload.imo}
          and auth_path = ${payload.path} and consumed_at is null and expires_at > now()
        returning redirect_to`
    );
    if (!row) {
      throw new HttpError(400, "invalid_state", STATE_REFUSED, { reason: "used_or_expired" });
    }
    const back = (outcome: string, reason?: string, result?: ConnectResult) =>
      redirectToApp(config.APP_URL, row.redirect_to, outcome, reason, result);

    const denied = params.get("error");
    if (denied) {
      const reason = params.get("error_reason") === "user_denied"
        ? "You declined the permissions on Meta's screen, so nothing was connected."
        : params.get("error_description") ?? denied;
      return back("cancelled", reason);
    }
    // Meta appends `#_` to the code on Instagram Login; it is not part of it
    const code = params.get("code")?.replace(/#_$/, "");
    if (!code) return back("failed", "Meta sent no authorization code");

    const binding = { imoId: payload.imo, userId: payload.uid };
    try {
      const result = payload.path === "instagram_login"
        ? await connectInstagramLogin(config, code, binding)
        : await connectFacebookLogin(config, code, binding);
      // webhooks only cover what happens from now on: fetch what the inbox already holds
      for (const account of result.instagram?.accounts ?? []) {
        afterResponse(syncConversations(account.id));
      }
      const outcomes = [result.facebook, result.instagram].filter((o) => o !== undefined);
      const connected = outcomes.filter((o) => o.connected).length;
      const outcome = connected === outcomes.length
        ? "connected"
        : connected > 0
        ? "partial"
        : "failed";
      const reason = outcomes.find((o) => !o.connected)?.reason;
      return back(outcome, reason, result);
    } catch (error) {
      if (error instanceof MetaApiError) {
        console.error(
          `[oauth-callback] Meta refused the connection: ${
            error.code ?? error.status
          } ${error.message}`,
        );
        return back("failed", `Meta refused the connection: ${error.message}`);
      }
      throw error;
    }
  });
}

function redirectToApp(
  appUrl: string,
  returnTo: string | null,
  outcome: string,
  reason?: string,
  result?: ConnectResult,
): Response {
  let url = new URL(returnTo ?? "/settings", appUrl);
  // the input schema allows only paths; this keeps a stored oddity from leaving the app anyway
  if (url.origin !== new URL(appUrl).origin) url = new URL("/settings", appUrl);
  url.searchParams.set("connect", outcome);
  if (reason) url.searchParams.set("reason", reason);
  if (result) {
    url.searchParams.set("result", jsonToBase64Url(result));
  }
  return new Response(null, { status: 302, headers: { location: url.href } });
}
