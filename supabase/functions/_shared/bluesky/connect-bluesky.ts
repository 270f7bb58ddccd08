import { Agent, CredentialSession, XRPCError } from "@atproto/api";
import {
  blueskyConnectRequestSchema,
  type BlueskyConnectResponse,
} from "../../../../shared/src/contracts/bluesky.ts";
import { afterResponse } from "../after-response.ts";
import { requireUser } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { heldElsewhereReason, storeChannelAccount } from "../connect/store-channel-account.ts";
import { asService, withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { HttpError, json } from "../http.ts";
import { parseBody } from "../validate.ts";
import { pdsOrigin } from "./bluesky-config.ts";
import { pollAccount } from "./poll-account.ts";
import { DM_SCOPE, expiresAt, jwtClaims, MAIN_PASSWORD_SCOPE } from "./session-tokens.ts";

/**
 * bluesky-connect: an owner or admin of an IMO whose plan has messaging connects a Bluesky account
 * with its handle and an app password (docs/bluesky.md §1). The password is used once, to create a
 * session, and never stored; the session's tokens are, encrypted like Meta's. A main password is
 * refused even when Bluesky accepts it. The first poll runs after the answer.
 */
export function createBlueskyConnectHandler() {
  return endpoint("POST", async (request) => {
    const claims = await requireUser(request);
    const input = await parseBody(request, blueskyConnectRequestSchema);
    const service = pdsOrigin(input.service_url);
    await withUser(
      claims,
      (tx) =>
        requireImoRole(tx, input.imo_id, ["owner", "admin"], { feature: "instagram_messaging" }),
    );

    const credential = new CredentialSession(service);
    try {
      await credential.login({ identifier: input.identifier, password: input.app_password });
    } catch (error) {
      throw loginFailure(error, service);
    }
    const session = credential.session!;
    const scope = jwtClaims(session.accessJwt).scope;
    if (scope === MAIN_PASSWORD_SCOPE) {
      await credential.logout(); // ends the session we were handed; the password is not kept
      throw new HttpError(
        422,
        "main_password_refused",
        "That is the account's main password. Make an app password in Bluesky (Settings › Privacy and security › App passwords) and use it instead.",
      );
    }
    const pds = credential.pdsUrl ?? service;
    const profile = await new Agent(credential).app.bsky.actor.getProfile({ actor: session.did })
      .then((response) => response.data, () => undefined);

    const stored = await asService((tx) =>
      storeChannelAccount(tx, {
        imoId: input.imo_id,
        connectedBy: claims.sub,
        platform: "bluesky",
        authPath: "app_password",
        externalAccountId: session.did,
        externalIds: [],
        username: session.handle,
        displayName: profile?.displayName ?? null,
        profilePictureUrl: profile?.avatar ?? null,
        token: JSON.stringify({
          did: session.did,
          handle: session.handle,
          accessJwt: session.accessJwt,
          refreshJwt: session.refreshJwt,
        }),
        tokenExpiresAt: expiresAt(session.refreshJwt),
        scopes: scope ? [scope] : [],
        serviceUrl: pds.origin,
      })
    );
    if (!stored) {
      await credential.logout();
      throw new HttpError(409, "account_held_elsewhere", heldElsewhereReason(`@${session.handle}`));
    }
    // what was already there (recent mentions, replies, DMs) comes in at once
    afterResponse(pollAccount(stored.id));
    const answer: BlueskyConnectResponse = {
      account_id: stored.id,
      did: session.did,
      handle: session.handle,
      dm_access: scope === DM_SCOPE,
    };
    return json(answer);
  });
}

function loginFailure(error: unknown, service: URL): HttpError {
  if (error instanceof XRPCError && (error.status === 401 || error.status === 400)) {
    return new HttpError(
      422,
      "invalid_credentials",
      "Bluesky did not accept this handle and app password. Check both, and that the app password was not revoked.",
      { bluesky_error: error.error },
    );
  }
  if (error instanceof XRPCError && error.status === 429) {
    return new HttpError(
      429,
      "rate_limited",
      "Bluesky asks to wait before logging in again",
      null,
      {},
      {
        "retry-after": "300",
      },
    );
  }
  return new HttpError(
    502,
    "pds_unreachable",
    `Could not reach the Bluesky server at ${service.origin}`,
  );
}
