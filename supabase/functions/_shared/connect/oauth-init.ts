import { oauthInitInputSchema } from "../../../../shared/src/contracts/instagram-connect.ts";
import { requireUser } from "../auth.ts";
import { asService, withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { facebookDialogUrl } from "../meta/facebook-login.ts";
import { instagramAuthorizeUrl } from "../meta/instagram-login.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { signState } from "../oauth-state.ts";
import { parseBody } from "../validate.ts";
import { requireFeature, requireImoRole } from "./access.ts";
import { oauthCallbackUrl } from "./callback-url.ts";

/**
 * instagram-oauth-init: an owner or admin of an IMO on a plan with `instagram_messaging` asks
 * for Meta's consent dialog URL; the state in it is signed, bound to them, their signed-in
 * session and their IMO, single-use and valid for 10 minutes.
 */
export function createOAuthInitHandler() {
  return endpoint("POST", async (request) => {
    const claims = await requireUser(request);
    const input = await parseBody(request, oauthInitInputSchema);
    const config = metaConfig();

    await withUser(claims, async (tx) => {
      await requireImoRole(tx, input.imo_id, ["owner", "admin"]);
      await requireFeature(tx, input.imo_id, "instagram_messaging");
    });
    const [row] = await asService((tx) =>
      tx<{ id: string; expires_at: Date }[]>`
        insert into public.oauth_states (imo_id, user_id, session_id, platform, auth_path, redirect_to)
        values (${input.imo_id}, ${claims.sub}, ${claims.session_id ?? null}, 'instagram',
          ${input.auth_path}, ${input.return_to ?? null})
        returning id, expires_at`
    );
    const state = await signState(
      {
        sid: row!.id,
        uid: claims.sub,
        imo: input.imo_id,
        path: input.auth_path,
        exp: Math.floor(row!.expires_at.getTime() / 1000),
      },
      config.OAUTH_STATE_SECRET,
    );
    const url = input.auth_path === "instagram_login"
      ? instagramAuthorizeUrl(config, state, oauthCallbackUrl())
      : facebookDialogUrl(config, state, oauthCallbackUrl());
    return json({ url, expires_at: row!.expires_at.toISOString() });
  });
}
