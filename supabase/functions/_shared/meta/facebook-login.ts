import { z } from "zod";
import { graphFetch } from "./graph-client.ts";
import { connectScopes } from "../../../../shared/src/rules/account-health.ts";
import { type MetaConfig, WEBHOOK_FIELDS } from "./meta-config.ts";

/** Instagram API with Facebook Login: Page-linked accounts (docs/meta-platform.md §1B). */

export function facebookDialogUrl(config: MetaConfig, state: string, redirectUri: string): string {
  const url = new URL(`${config.META_FACEBOOK_WWW_URL}/${config.META_GRAPH_VERSION}/dialog/oauth`);
  url.searchParams.set("client_id", config.META_APP_ID);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", connectScopes("facebook_login").join(","));
  url.searchParams.set("state", state);
  return url.href;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive().optional(),
});

export async function exchangeFacebookCode(config: MetaConfig, code: string, redirectUri: string) {
  const url = new URL(`${config.facebookGraph}/oauth/access_token`);
  url.searchParams.set("client_id", config.META_APP_ID);
  url.searchParams.set("client_secret", config.META_APP_SECRET);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("code", code);
  const body = tokenResponse.parse(
    await graphFetch(url, { secrets: [config.META_APP_SECRET, code] }),
  );
  return body.access_token;
}

/** fb_exchange_token: a user token that lasts about 60 days; Page tokens derived from it do not expire. */
export async function longLivedFacebookToken(config: MetaConfig, shortLivedToken: string) {
  const url = new URL(`${config.facebookGraph}/oauth/access_token`);
  url.searchParams.set("grant_type", "fb_exchange_token");
  url.searchParams.set("client_id", config.META_APP_ID);
  url.searchParams.set("client_secret", config.META_APP_SECRET);
  url.searchParams.set("fb_exchange_token", shortLivedToken);
  const body = tokenResponse.parse(
    await graphFetch(url, { secrets: [config.META_APP_SECRET, shortLivedToken] }),
  );
  return body.access_token;
}

const pagesResponse = z.object({
  data: z.array(z.object({
    id: z.string(),
    name: z.string().optional(),
    access_token: z.string().min(1),
    instagram_business_account: z.object({ id: z.string(), username: z.string().optional() })
      .optional(),
  })),
});

export async function facebookPages(config: MetaConfig, userToken: string) {
  const url = new URL(`${config.facebookGraph}/me/accounts`);
  url.searchParams.set("fields", "id,name,access_token,instagram_business_account{id,username}");
  return pagesResponse.parse(await graphFetch(url, { token: userToken })).data;
}

const permissionsResponse = z.object({
  data: z.array(z.object({ permission: z.string(), status: z.string() })),
});

/** The scopes the person actually granted (they can untick some in the dialog). */
export async function grantedFacebookPermissions(config: MetaConfig, userToken: string) {
  const body = permissionsResponse.parse(
    await graphFetch(`${config.facebookGraph}/me/permissions`, { token: userToken }),
  );
  return body.data.filter((p) => p.status === "granted").map((p) => p.permission);
}

export async function subscribePage(config: MetaConfig, pageId: string, pageToken: string) {
  const url = new URL(`${config.facebookGraph}/${pageId}/subscribed_apps`);
  url.searchParams.set("subscribed_fields", WEBHOOK_FIELDS.join(","));
  await graphFetch(url, { method: "POST", token: pageToken });
}

export async function unsubscribePage(config: MetaConfig, pageId: string, pageToken: string) {
  await graphFetch(`${config.facebookGraph}/${pageId}/subscribed_apps`, {
    method: "DELETE",
    token: pageToken,
  });
}
