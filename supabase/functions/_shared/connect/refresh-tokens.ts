import { asService } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { refreshInstagramToken } from "../meta/instagram-login.ts";
import { MetaApiError } from "../meta/graph-client.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { requireServiceRole } from "../require-service.ts";
import { tokenCipher } from "../token-cipher.ts";

interface DueAccount {
  id: string;
  access_token_encrypted: string;
  token_expires_at: Date;
}

/**
 * instagram-refresh-token (cron): refreshes Instagram Login tokens from day 53 of their 60 days
 * (Meta refuses tokens younger than 24 h, so those wait). A token Meta calls invalid (190) is
 * marked `expired` with Meta's reason; a 5xx, timeout or rate limit leaves the account
 * `connected` with the error noted, for the next run. Page tokens (Facebook Login) do not expire.
 */
export function createRefreshTokensHandler() {
  return endpoint("POST", async (request) => {
    await requireServiceRole(request);
    const config = metaConfig();
    const cipher = await tokenCipher();

    const expired = await asService((tx) =>
      tx`update public.channel_accounts
         set status = 'expired', status_reason = 'The token expired before it could be refreshed',
             last_error = 'token expired', last_error_at = now()
         where status = 'connected' and token_expires_at <= now() returning id`
    );
    const due = await asService((tx) =>
      tx<DueAccount[]>`
        select id, access_token_encrypted, token_expires_at from public.channel_accounts
        where platform = 'instagram' and auth_path = 'instagram_login' and status = 'connected'
          and access_token_encrypted is not null
          and token_expires_at <= now() + interval '7 days'
          and coalesce(token_refreshed_at, token_issued_at, connected_at) <= now() - interval '24 hours'
        order by token_expires_at`
    );

    const outcome = { refreshed: 0, expired: expired.length, failed: 0, due: due.length };
    for (const account of due) {
      try {
        const fresh = await refreshInstagramToken(
          config,
          await cipher.decrypt(account.access_token_encrypted),
        );
        const encrypted = await cipher.encrypt(fresh.token);
        // only if nobody reconnected meanwhile
        await asService((tx) =>
          tx`update public.channel_accounts set
               access_token_encrypted = ${encrypted}, token_key_id = ${cipher.activeKeyId},
               token_expires_at = now() + make_interval(secs => ${fresh.expiresInSeconds}),
               token_refreshed_at = now(), last_error = null, last_error_at = null
             where id = ${account.id} and access_token_encrypted = ${account.access_token_encrypted}`
        );
        outcome.refreshed++;
      } catch (error) {
        if (!(error instanceof MetaApiError)) throw error;
        if (error.kind === "token_invalid") {
          await asService((tx) =>
            tx`update public.channel_accounts set status = 'expired', status_reason = ${error.message},
                 last_error = ${error.message}, last_error_at = now()
               where id = ${account.id}`
          );
          outcome.expired++;
        } else {
          await asService((tx) =>
            tx`update public.channel_accounts set last_error = ${`refresh failed: ${error.message}`},
                 last_error_at = now()
               where id = ${account.id}`
          );
          outcome.failed++;
        }
        console.warn(
          `[refresh-token] account ${account.id}: ${error.kind} ${error.code ?? error.status}`,
        );
      }
    }
    return json(outcome);
  });
}
