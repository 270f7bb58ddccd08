import { z } from "zod";

/**
 * Where Meta lives and who we are to it. The base URLs default to Meta's hosts; locally they
 * point at the Meta sandbox (scripts/meta-sandbox), which mounts each host as a path prefix.
 */
const metaConfigSchema = z.object({
  META_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/).default("v25.0"),
  META_INSTAGRAM_AUTHORIZE_URL: z.url().default("https://www.instagram.com/oauth/authorize"),
  META_INSTAGRAM_API_URL: z.url().default("https://api.instagram.com"),
  META_INSTAGRAM_GRAPH_URL: z.url().default("https://graph.instagram.com"),
  META_FACEBOOK_WWW_URL: z.url().default("https://www.facebook.com"),
  META_FACEBOOK_GRAPH_URL: z.url().default("https://graph.facebook.com"),
  INSTAGRAM_APP_ID: z.string().min(1),
  INSTAGRAM_APP_SECRET: z.string().min(1),
  META_APP_ID: z.string().min(1),
  META_APP_SECRET: z.string().min(1),
  OAUTH_STATE_SECRET: z.string().min(32, "OAUTH_STATE_SECRET must be at least 32 characters"),
  /** the SPA's origin, where the OAuth callback sends the browser back */
  APP_URL: z.url(),
});

export type MetaConfig = z.infer<typeof metaConfigSchema> & {
  instagramGraph: string;
  facebookGraph: string;
};

let cached: MetaConfig | undefined;

export function metaConfig(): MetaConfig {
  if (cached) return cached;
  const result = metaConfigSchema.safeParse(Deno.env.toObject());
  if (!result.success) {
    const names = result.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`Meta configuration is incomplete or invalid: ${names}`);
  }
  const config = result.data;
  cached = {
    ...config,
    instagramGraph: `${
      config.META_INSTAGRAM_GRAPH_URL.replace(/\/$/, "")
    }/${config.META_GRAPH_VERSION}`,
    facebookGraph: `${
      config.META_FACEBOOK_GRAPH_URL.replace(/\/$/, "")
    }/${config.META_GRAPH_VERSION}`,
  };
  return cached;
}

/** Webhook fields we subscribe every account to. */
export const WEBHOOK_FIELDS = [
  "messages",
  "message_reactions",
  "messaging_seen",
  "messaging_postbacks",
  "messaging_referral",
];

/**
 * An Instagram Login account also subscribes to `comments` (which brings its mentions too). A Page
 * takes only Page fields: comments on its linked account come through the app's Instagram
 * subscription once the Page is subscribed to any field (docs/meta-platform.md §9 "Webhook").
 */
export const INSTAGRAM_LOGIN_WEBHOOK_FIELDS = [...WEBHOOK_FIELDS, "comments"];
