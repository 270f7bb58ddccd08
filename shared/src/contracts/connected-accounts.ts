import { z } from "zod";
import { channelAccountSchema } from "../schemas/channel-account.ts";

export const connectedAccountsQuerySchema = z.object({ imo_id: z.uuid() });

export const accountHealthSchema = z.object({
  status: channelAccountSchema.shape.status,
  token_expires_at: z.string().nullable(),
  token_expires_in_seconds: z.number().int().nonnegative().nullable(),
  token_refresh_due: z.boolean(),
  required_scopes: z.array(z.string()),
  granted_scopes: z.array(z.string()),
  missing_scopes: z.array(z.string()),
  last_webhook_at: z.string().nullable(),
  webhooks_quiet: z.boolean(),
  last_error: z.string().nullable(),
  last_error_at: z.string().nullable(),
  needs_reconnect: z.boolean(),
});

/** What connected-accounts answers: the public account rows (never a token) with their health. */
export const connectedAccountsResponseSchema = z.object({
  accounts: z.array(channelAccountSchema.extend({ health: accountHealthSchema })),
});
export type ConnectedAccountsResponse = z.infer<typeof connectedAccountsResponseSchema>;
