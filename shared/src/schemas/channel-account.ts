import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";
import {
  aiModeSchema,
  channelAuthPathSchema,
  channelPlatformSchema,
  channelStatusSchema,
} from "./enums.ts";

/**
 * The PUBLIC shape of a `channel_accounts` row: exactly the columns `authenticated` may select.
 *
 * It deliberately has no `access_token_encrypted` and no `token_key_id`: the encrypted token and
 * its key id never leave the functions, and there is no "full row" schema on purpose, so nothing
 * shared with the SPA can describe them. Parsing a service-role row through this schema drops
 * both (zod objects strip unknown keys), so a function may `channelAccountSchema.parse(row)` before
 * answering. Do not turn this into a loose/passthrough object.
 */
export const channelAccountSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  connected_by: idSchema.nullable(),
  platform: channelPlatformSchema,
  auth_path: channelAuthPathSchema,
  external_account_id: z.string(),
  external_ids: z.array(z.string()),
  facebook_page_id: z.string().nullable(),
  linked_account_id: idSchema.nullable(),
  username: z.string().nullable(),
  display_name: z.string().nullable(),
  profile_picture_url: z.string().nullable(),
  token_expires_at: timestampSchema.nullable(),
  token_issued_at: timestampSchema.nullable(),
  token_refreshed_at: timestampSchema.nullable(),
  scopes: z.array(z.string()),
  /** Meta granted the Human Agent feature: people may reply with HUMAN_AGENT up to 7 days */
  human_agent_permission: z.boolean(),
  /** the AI mode new conversations of this account start in; null: the IMO's default */
  ai_default_mode: aiModeSchema.nullable(),
  status: channelStatusSchema,
  status_reason: z.string().nullable(),
  last_webhook_at: timestampSchema.nullable(),
  /** the PDS a Bluesky account's session talks to (docs/bluesky.md §1); null for Meta accounts */
  service_url: z.string().nullable(),
  /** when bluesky-poll last read the account without an error */
  last_polled_at: timestampSchema.nullable(),
  last_error: z.string().nullable(),
  last_error_at: timestampSchema.nullable(),
  connected_at: timestampSchema,
  disconnected_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export type ChannelAccount = z.infer<typeof channelAccountSchema>;
