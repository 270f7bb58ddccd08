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
import { heldElsewhereReason, storeChannelAccount } from "./store-channel-account.ts";

/**
 * Instagram Login: code → short-lived token → long-lived token (60 d) → the account's ids →
 * webhook subscription → stored, encrypted. Meta hands out several ids for one account (the
 * exchange's user_id, /me's id and user_id); all are kept so webhooks route whichever arrives.
 */
export async function connectInstagramLogin(
  config: MetaConfig,
  code: string,
  binding: { imoId: string; userId: string },
): Promise<ConnectResult> {
  const exchanged = await exchangeInstagramCode(config, code, oauthCallbackUrl());
  const longLived = await longLivedInstagramToken(config, exchanged.shortLivedToken);
  const me = await instagramMe(config, longLived.token);
  await subscribeInstagramAccount(config, longLived.token);

  const accountId = me.user_id ?? me.id;
  const stored = await asService((tx) =>
    storeChannelAccount(tx, {
      imoId: binding.imoId,
      connectedBy: binding.userId,
      platform: "instagram",
      authPath: "instagram_login",
      externalAccountId: accountId,
      externalIds: [me.id, exchanged.tokenUserId],
      username: me.username ?? null,
      displayName: me.name ?? null,
      profilePictureUrl: me.profile_picture_url ?? null,
      token: longLived.token,
      tokenExpiresAt: new Date(Date.now() + longLived.expiresInSeconds * 1000),
      scopes: exchanged.permissions,
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
