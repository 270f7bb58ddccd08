import {
  type ConnectResult,
  oauthCompleteInputSchema,
  type OAuthCompleteResponse,
} from "../../../../shared/src/contracts/instagram-connect.ts";
import { afterResponse } from "../after-response.ts";
import { requireUser } from "../auth.ts";
import { withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { HttpError, json } from "../http.ts";
import { MetaApiError } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { parseBody } from "../validate.ts";
import { syncConversations } from "../webhooks/sync-conversations.ts";
import { requireFeature, requireImoRole } from "./access.ts";
import { connectFacebookLogin } from "./connect-facebook-login.ts";
import { connectInstagramLogin } from "./connect-instagram-login.ts";
import { takePendingConnection } from "./pending-connections.ts";

/**
 * instagram-oauth-complete: the SPA confirms a consent the callback parked. Only the signed-in
 * session that started the connect may complete it; any other caller spends it (it was
 * forwarded, or reached the wrong browser) and nothing is connected. The role and plan are
 * checked again here, since either may have changed while the person was at Meta.
 */
export function createOAuthCompleteHandler() {
  return endpoint("POST", async (request) => {
    const claims = await requireUser(request);
    const { connection_id } = await parseBody(request, oauthCompleteInputSchema);

    const pending = await takePendingConnection(connection_id);
    if (!pending) {
      throw new HttpError(
        410,
        "connection_unavailable",
        "This connection expired or was already used, so nothing was connected. Start connecting again.",
      );
    }
    if (pending.userId !== claims.sub || pending.sessionId !== (claims.session_id ?? null)) {
      console.warn(`[oauth-complete] ${connection_id} presented by another session: spent unused`);
      throw new HttpError(
        403,
        "connection_not_yours",
        "This connection was started by someone else or in another browser, so nothing was connected.",
      );
    }
    await withUser(claims, async (tx) => {
      await requireImoRole(tx, pending.imoId, ["owner", "admin"]);
      await requireFeature(tx, pending.imoId, "instagram_messaging");
    });

    const config = metaConfig();
    const binding = { imoId: pending.imoId, userId: pending.userId };
    let result: ConnectResult;
    try {
      result = pending.authPath === "instagram_login"
        ? await connectInstagramLogin(config, pending.grant, binding)
        : await connectFacebookLogin(config, pending.grant, binding);
    } catch (error) {
      if (!(error instanceof MetaApiError)) throw error;
      console.error(
        `[oauth-complete] Meta refused the connection: ${
          error.code ?? error.status
        } ${error.message}`,
      );
      const answer: OAuthCompleteResponse = {
        imo_id: pending.imoId,
        outcome: "failed",
        reason: `Meta refused the connection: ${error.message}`,
        result: {},
      };
      return json(answer);
    }
    // webhooks only cover what happens from now on: fetch what the inbox already holds
    for (const account of result.instagram?.accounts ?? []) {
      afterResponse(syncConversations(account.id));
    }
    return json(describeConnect(pending.imoId, result));
  });
}

/** Both platforms connected, one of two, or none; the reason names what was not. */
function describeConnect(imoId: string, result: ConnectResult): OAuthCompleteResponse {
  const outcomes = [result.facebook, result.instagram].filter((o) => o !== undefined);
  const connected = outcomes.filter((o) => o.connected).length;
  const outcome = connected === outcomes.length
    ? "connected"
    : connected > 0
    ? "partial"
    : "failed";
  const reason = outcomes.find((o) => !o.connected)?.reason;
  return { imo_id: imoId, outcome, ...(reason ? { reason } : {}), result };
}
