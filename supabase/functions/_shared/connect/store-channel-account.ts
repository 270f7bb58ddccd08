import type { Tx } from "../db.ts";
import { tokenCipher } from "../token-cipher.ts";

/** Why a connect did not store an account another IMO holds: shown on the connect banner. */
export function heldElsewhereReason(what: string): string {
  return `${what} is connected to another workspace. It can be connected here once that workspace disconnects it.`;
}

export interface ChannelAccountInput {
  imoId: string;
  connectedBy: string;
  platform: "instagram" | "facebook" | "bluesky";
  authPath: "instagram_login" | "facebook_login" | "app_password";
  externalAccountId: string;
  externalIds: string[];
  facebookPageId?: string | null;
  linkedAccountId?: string | null;
  username?: string | null;
  displayName?: string | null;
  profilePictureUrl?: string | null;
  token: string;
  tokenExpiresAt: Date | null;
  scopes: string[];
  /** the PDS of a Bluesky account (docs/bluesky.md §1) */
  serviceUrl?: string | null;
}

/**
 * Inserts or reconnects the IMO's row for a channel account, with its token encrypted. An
 * account another IMO holds (any status but `disconnected`) is not taken over: the result is
 * null and nothing is written. One released by another IMO gets a row of this IMO's own, so the
 * other's history stays where it was received.
 */
export async function storeChannelAccount(
  tx: Tx,
  input: ChannelAccountInput,
): Promise<{ id: string } | null> {
  // two IMOs connecting the same account at once: the second waits, then sees the first's row
  await tx`select pg_advisory_xact_lock(hashtextextended(${`channel_account:${input.platform}:${input.externalAccountId}`}, 0))`;
  const [heldElsewhere] = await tx`
    select 1 from public.channel_accounts
    where platform = ${input.platform} and external_account_id = ${input.externalAccountId}
      and status <> 'disconnected' and imo_id <> ${input.imoId}`;
  if (heldElsewhere) return null;

  const cipher = await tokenCipher();
  const encrypted = await cipher.encrypt(input.token);
  const externalIds = [...new Set([input.externalAccountId, ...input.externalIds].filter(Boolean))];
  const [row] = await tx<{ id: string }[]>`
    insert into public.channel_accounts (
      imo_id, connected_by, platform, auth_path, external_account_id, external_ids, facebook_page_id,
      linked_account_id, username, display_name, profile_picture_url, access_token_encrypted, token_key_id,
      token_expires_at, token_issued_at, token_refreshed_at, scopes, status, status_reason, last_error,
      last_error_at, connected_at, disconnected_at, service_url
    ) values (
      ${input.imoId}, ${input.connectedBy}, ${input.platform}, ${input.authPath}, ${input.externalAccountId},
      ${externalIds}, ${input.facebookPageId ?? null}, ${input.linkedAccountId ?? null}, ${
    input.username ?? null
  },
      ${input.displayName ?? null}, ${
    input.profilePictureUrl ?? null
  }, ${encrypted}, ${cipher.activeKeyId},
      ${input.tokenExpiresAt}, now(), null, ${input.scopes}, 'connected', null, null, null, now(), null,
      ${input.serviceUrl ?? null}
    )
    on conflict (imo_id, platform, external_account_id) do update set
      connected_by = excluded.connected_by,
      auth_path = excluded.auth_path,
      external_ids = (select array_agg(distinct id) from unnest(channel_accounts.external_ids || excluded.external_ids) id),
      facebook_page_id = excluded.facebook_page_id,
      linked_account_id = excluded.linked_account_id,
      username = excluded.username,
      display_name = excluded.display_name,
      profile_picture_url = excluded.profile_picture_url,
      access_token_encrypted = excluded.access_token_encrypted,
      token_key_id = excluded.token_key_id,
      token_expires_at = excluded.token_expires_at,
      token_issued_at = excluded.token_issued_at,
      token_refreshed_at = null,
      scopes = excluded.scopes,
      status = 'connected',
      status_reason = null,
      last_error = null,
      last_error_at = null,
      connected_at = now(),
      disconnected_at = null,
      service_url = excluded.service_url
    returning id`;
  return row!;
}
