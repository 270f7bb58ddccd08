import { createWebhookHandler } from "../_shared/webhooks/webhook-handler.ts";
import { webhookSecrets } from "../_shared/webhooks/webhook-secrets.ts";

Deno.serve(createWebhookHandler(webhookSecrets));
