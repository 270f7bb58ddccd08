import type { ConnectResult } from "../../../../shared/src/contracts/instagram-connect.ts";
import { asService } from "../db.ts";
import {
  exchangeInstagramCode,
  instagramMe,
  longLivedInstagramToken,
  subscribeInstagramAccount,
} from "../meta/instagram-login.ts";
import type { MetaConfig } from "../meta/meta-config.ts";
import { oauthCallbackUrl } from "./callback-url.ts";
import type { ConsentGrant } from "./pending-connections.ts";
import { heldElsewhereReason, storeChannelAccount } from "./store-channel-account.ts";

/**
 * Instagram Login, the callback's half: code → short-lived token → long-lived token (60 d).
 * Nothing is connected yet; the grant is parked until its starter confirms it.
 */
export async function exchangeInstagramLogin(
  config: MetaConfig,
  code: string,
): Promise<ConsentGrant> {
  const exchanged = await exchangeInstagramCode(config, code, oauthCallbackUrl());
  const longLived = await longLivedInstagramToken(config, exchanged.shortLivedToken);
  return {
    token: longLived.token,
    tokenExpiresAt: new Date(Date.now() + longLived.expiresInSeconds * 1000),
    tokenUserId: exchanged.tokenUserId,
    scopes: exchanged.permissions,
  };
}

/**
 * Instagram Login, the completion's half: the account's ids → webhook subscription → stored,
 * encrypted. Meta hands out several ids for one account (the exchange's user_id, /me's id and
 * user_id); all are kept so webhooks route whichever arrives.
 */
export async function connectInstagramLogin(
  config: MetaConfig,
  grant: ConsentGrant,
  binding: { imoId: string; userId: string },
): Promise<ConnectResult> {
  const me = await instagramMe(config, grant.token);
  await subscribeInstagramAccount(config, grant.token);

  const stored = await asService((tx) =>
    storeChannelAccount(tx, {
      imoId: binding.imoId,
      connectedBy: binding.userId,
      platform: "instagram",
      authPath: "instagram_login",
      externalAccountId: me.user_id ?? me.id,
      externalIds: [me.id, grant.tokenUserId ?? ""],
      username: me.username ?? null,
      displayName: me.name ?? null,
      profilePictureUrl: me.profile_picture_url ?? null,
      token: grant.token,
      tokenExpiresAt: grant.tokenExpiresAt,
      scopes: grant.scopes,
    })
  );
  if (!stored) {
    const account = me.username ? `@${me.username}` : "This Instagram account";
    return { instagram: { connected: false, reason: heldElsewhereReason(account) } };
  }
  return {
    instagram: { connected: true, accounts: [{ id: stored.id, username: me.username ?? null }] },
  };
}
