/**
 * `deno run -A scripts/meta-sandbox/main.ts`: the Meta sandbox for manual use, with demo data.
 * Reads META_SANDBOX_PORT, INSTAGRAM_APP_ID, INSTAGRAM_APP_SECRET, META_APP_ID, META_APP_SECRET and
 * META_WEBHOOK_URL; Ctrl-C stops it.
 */
import { startMetaSandbox } from "./server.ts";

const env = (name: string, fallback: string) => Deno.env.get(name) || fallback;

const sandbox = await startMetaSandbox({
  port: Number(env("META_SANDBOX_PORT", "0")),
  instagramAppId: env("INSTAGRAM_APP_ID", "990000000000001"),
  instagramAppSecret: env("INSTAGRAM_APP_SECRET", "sandbox-instagram-app-secret"),
  metaAppId: env("META_APP_ID", "880000000000001"),
  metaAppSecret: env("META_APP_SECRET", "sandbox-meta-app-secret"),
  webhookUrl: Deno.env.get("META_WEBHOOK_URL") || undefined,
  seed: true,
  logRequests: true,
});

console.log(`Meta sandbox on ${sandbox.url}
  Instagram Login:  ${sandbox.url}/www.instagram.com/oauth/authorize
                    ${sandbox.url}/api.instagram.com/oauth/access_token
                    ${sandbox.url}/graph.instagram.com
  Facebook Login:   ${sandbox.url}/www.facebook.com/${sandbox.state.graphVersion}/dialog/oauth
                    ${sandbox.url}/graph.facebook.com
  Webhooks to:      ${sandbox.state.webhookUrl ?? "(none yet: POST /_sandbox/webhook-target)"}
  Control page:     ${sandbox.url}/`);

Deno.addSignalListener("SIGINT", async () => {
  await sandbox.stop();
  Deno.exit(0);
});
