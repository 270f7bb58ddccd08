import type { ConnectResult } from "../../../../shared/src/contracts/instagram-connect.ts";
import { asService } from "../db.ts";
import {
  exchangeFacebookCode,
  facebookPages,
  grantedFacebookPermissions,
  longLivedFacebookToken,
  subscribePage,
} from "../meta/facebook-login.ts";
import { MetaApiError } from "../meta/graph-client.ts";
import type { MetaConfig } from "../meta/meta-config.ts";
import { oauthCallbackUrl } from "./callback-url.ts";
import type { ConsentGrant } from "./pending-connections.ts";
import { heldElsewhereReason, storeChannelAccount } from "./store-channel-account.ts";

type Accounts = NonNullable<NonNullable<ConnectResult["facebook"]>["accounts"]>;

/**
 * Facebook Login, the callback's half: code → short-lived → long-lived user token (about 60 d).
 * Nothing is connected yet; the grant is parked until its starter confirms it.
 */
export async function exchangeFacebookLogin(
  config: MetaConfig,
  code: string,
): Promise<ConsentGrant> {
  const shortLived = await exchangeFacebookCode(config, code, oauthCallbackUrl());
  const token = await longLivedFacebookToken(config, shortLived);
  // its own expiry does not matter: the Page tokens derived from it do not expire
  return { token, tokenExpiresAt: null, tokenUserId: null, scopes: [] };
}

/**
 * Facebook Login, the completion's half (seed 004's dual write): one consent connects each Page
 * the person manages and the Instagram professional account linked to it, both with the Page
 * token (which does not expire). The two outcomes are reported separately: a Page without a
 * linked Instagram account is connected, and the Instagram side says why it is not.
 */
export async function connectFacebookLogin(
  config: MetaConfig,
  grant: ConsentGrant,
  binding: { imoId: string; userId: string },
): Promise<ConnectResult> {
  const userToken = grant.token;
  const scopes = await grantedFacebookPermissions(config, userToken).catch((error) => {
    if (error instanceof MetaApiError && error.kind !== "token_invalid") return [] as string[];
    throw error;
  });
  const pages = await facebookPages(config, userToken);
  if (pages.length === 0) {
    const reason = "no Facebook Page was shared during consent";
    return { facebook: { connected: false, reason }, instagram: { connected: false, reason } };
  }

  const facebook: Accounts = [];
  const instagram: Accounts = [];
  let pageProblem: string | undefined;
  let instagramProblem: string | undefined;
  for (const page of pages) {
    await subscribePage(config, page.id, page.access_token);
    const stored = await asService(async (tx) => {
      const pageRow = await storeChannelAccount(tx, {
        imoId: binding.imoId,
        connectedBy: binding.userId,
        platform: "facebook",
        authPath: "facebook_login",
        externalAccountId: page.id,
        externalIds: [],
        facebookPageId: page.id,
        username: page.name ?? null,
        displayName: page.name ?? null,
        token: page.access_token,
        tokenExpiresAt: null,
        scopes,
      });
      const linked = page.instagram_business_account;
      if (!pageRow || !linked) return { pageRow, igRow: null };
      const igRow = await storeChannelAccount(tx, {
        imoId: binding.imoId,
        connectedBy: binding.userId,
        platform: "instagram",
        authPath: "facebook_login",
        externalAccountId: linked.id,
        externalIds: [],
        facebookPageId: page.id,
        linkedAccountId: pageRow.id,
        username: linked.username ?? null,
        token: page.access_token,
        tokenExpiresAt: null,
        scopes,
      });
      if (igRow) {
        await tx`update public.channel_accounts set linked_account_id = ${igRow.id} where id = ${pageRow.id}`;
      }
      return { pageRow, igRow };
    });
    if (!stored.pageRow) {
      pageProblem = heldElsewhereReason(`The Page ${page.name ?? page.id}`);
      continue;
    }
    facebook.push({ id: stored.pageRow.id, username: page.name ?? null });
    if (stored.igRow) {
      instagram.push({
        id: stored.igRow.id,
        username: page.instagram_business_account?.username ?? null,
      });
    } else if (page.instagram_business_account) {
      const linked = page.instagram_business_account.username;
      instagramProblem = heldElsewhereReason(
        linked ? `@${linked}` : `The Instagram account linked to ${page.name ?? page.id}`,
      );
    }
  }

  return {
    facebook: facebook.length
      ? { connected: true, accounts: facebook }
      : { connected: false, reason: pageProblem ?? "no Page could be connected" },
    instagram: instagram.length
      ? { connected: true, accounts: instagram }
      : { connected: false, reason: instagramProblem ?? "no Instagram business account linked" },
  };
}
