/** The verify token and the app secrets that may sign deliveries (Instagram app, Meta app). */
export function webhookSecrets() {
  const verifyToken = Deno.env.get("META_WEBHOOK_VERIFY_TOKEN");
  const appSecrets = [Deno.env.get("INSTAGRAM_APP_SECRET"), Deno.env.get("META_APP_SECRET")].filter(
    (secret): secret is string => Boolean(secret),
  );
  if (!verifyToken || appSecrets.length === 0) {
    throw new Error(
      "META_WEBHOOK_VERIFY_TOKEN and INSTAGRAM_APP_SECRET or META_APP_SECRET must be set",
    );
  }
  return { verifyToken, appSecrets };
}
