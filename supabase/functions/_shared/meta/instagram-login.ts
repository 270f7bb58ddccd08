import { z } from "zod";
import { graphFetch } from "./graph-client.ts";
import { connectScopes } from "../../../../shared/src/rules/account-health.ts";
import { INSTAGRAM_LOGIN_WEBHOOK_FIELDS, type MetaConfig } from "./meta-config.ts";

/** Instagram API with Instagram Login (docs/meta-platform.md §1A). */

export function instagramAuthorizeUrl(
  config: MetaConfig,
  state: string,
  redirectUri: string,
): string {
  const url = new URL(config.META_INSTAGRAM_AUTHORIZE_URL);
  url.searchParams.set("client_id", config.INSTAGRAM_APP_ID);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", connectScopes("instagram_login").join(","));
  url.searchParams.set("state", state);
  return url.href;
}

// Documented as {"data":[{...}]}; implementations observe the same fields without the wrapper.
const exchangeEntry = z.object({
  access_token: z.string().min(1),
  user_id: z.union([z.string(), z.number()]).transform(String),
  permissions: z.union([z.string(), z.array(z.string())]).optional(),
});
const exchangeResponse = z.union([
  z.object({ data: z.array(exchangeEntry).min(1) }).transform((body) => body.data[0]!),
  exchangeEntry,
]);

export async function exchangeInstagramCode(config: MetaConfig, code: string, redirectUri: string) {
  const body = await graphFetch(`${config.META_INSTAGRAM_API_URL}/oauth/access_token`, {
    form: {
      client_id: config.INSTAGRAM_APP_ID,
      client_secret: config.INSTAGRAM_APP_SECRET,
      grant_type: "authorization_code",
      redirect_uri: redirectUri,
      code,
    },
    secrets: [config.INSTAGRAM_APP_SECRET, code],
  });
  const entry = exchangeResponse.parse(body);
  const permissions = typeof entry.permissions === "string"
    ? entry.permissions.split(",").map((p) => p.trim()).filter(Boolean)
    : entry.permissions ?? [];
  return { shortLivedToken: entry.access_token, tokenUserId: entry.user_id, permissions };
}

const longLivedResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

/** Short-lived (1 h) to long-lived (60 d); carries the app secret, so server-side only. */
export async function longLivedInstagramToken(config: MetaConfig, shortLivedToken: string) {
  const url = new URL(`${config.META_INSTAGRAM_GRAPH_URL}/access_token`);
  url.searchParams.set("grant_type", "ig_exchange_token");
  url.searchParams.set("client_secret", config.INSTAGRAM_APP_SECRET);
  url.searchParams.set("access_token", shortLivedToken);
  const body = longLivedResponse.parse(
    await graphFetch(url, { secrets: [config.INSTAGRAM_APP_SECRET, shortLivedToken] }),
  );
  return { token: body.access_token, expiresInSeconds: body.expires_in };
}

/** ig_refresh_token: the token must be at least 24 h old and unexpired. */
export async function refreshInstagramToken(config: MetaConfig, token: string) {
  const url = new URL(`${config.META_INSTAGRAM_GRAPH_URL}/refresh_access_token`);
  url.searchParams.set("grant_type", "ig_refresh_token");
  url.searchParams.set("access_token", token);
  const body = longLivedResponse.parse(await graphFetch(url, { secrets: [token] }));
  return { token: body.access_token, expiresInSeconds: body.expires_in };
}

const meResponse = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  user_id: z.union([z.string(), z.number()]).transform(String).optional(),
  username: z.string().optional(),
  name: z.string().optional(),
  profile_picture_url: z.string().optional(),
});

export async function instagramMe(config: MetaConfig, token: string) {
  const url = new URL(`${config.instagramGraph}/me`);
  url.searchParams.set("fields", "id,user_id,username,name,profile_picture_url");
  return meResponse.parse(await graphFetch(url, { token }));
}

/** Required besides the App Dashboard fields, or the account receives no webhooks. */
export async function subscribeInstagramAccount(config: MetaConfig, token: string) {
  const url = new URL(`${config.instagramGraph}/me/subscribed_apps`);
  url.searchParams.set("subscribed_fields", INSTAGRAM_LOGIN_WEBHOOK_FIELDS.join(","));
  await graphFetch(url, { method: "POST", token });
}

export async function unsubscribeInstagramAccount(config: MetaConfig, token: string) {
  await graphFetch(`${config.instagramGraph}/me/subscribed_apps`, { method: "DELETE", token });
}
