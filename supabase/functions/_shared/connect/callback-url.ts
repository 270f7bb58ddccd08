import { env } from "../env.ts";

/** Where Meta sends the browser after consent; must be registered with the app in Meta's dashboard. */
export function oauthCallbackUrl(): string {
  return Deno.env.get("OAUTH_REDIRECT_URL") ??
    `${env().SUPABASE_URL}/functions/v1/instagram-oauth-callback`;
}
