import {
  disconnectInputSchema,
  type DisconnectResponse,
} from "../../../../shared/src/contracts/instagram-connect.ts";
import { requireUser } from "../auth.ts";
import { asService, withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { endBlueskySession } from "../bluesky/end-session.ts";
import { HttpError, json } from "../http.ts";
import { unsubscribePage } from "../meta/facebook-login.ts";
import { unsubscribeInstagramAccount } from "../meta/instagram-login.ts";
import { metaConfig } from "../meta/meta-config.ts";
import { tokenCipher } from "../token-cipher.ts";
import { parseBody } from "../validate.ts";
import { requireImoRole } from "./access.ts";

/**
 * instagram-disconnect: an owner or admin drops an account's token. Its conversations and
 * messages stay (history); Meta is asked to stop sending webhooks, best effort.
 */
export function createDisconnectHandler() {
  return endpoint("POST", async (request) => {
    const claims = await requireUser(request);
    const { account_id } = await parseBody(request, disconnectInputSchema);

    const account = await withUser(claims, async (tx) => {
      const [row] = await tx<
        {
          imo_id: string;
          platform: string;
          auth_path: string;
          external_account_id: string;
          service_url: string | null;
        }[]
      >`
        select imo_id, platform, auth_path, external_account_id, service_url
        from public.channel_accounts where id = ${account_id}`;
      if (!row) throw new HttpError(404, "account_not_found", "No such account in your workspaces");
      await requireImoRole(tx, row.imo_id, ["owner", "admin"]);
      return row;
    });

    const [secret] = await asService((tx) =>
      tx<{ access_token_encrypted: string | null }[]>`
        select access_token_encrypted from public.channel_accounts where id = ${account_id}`
    );
    if (secret?.access_token_encrypted) {
      try {
        const token = await (await tokenCipher()).decrypt(secret.access_token_encrypted);
        if (account.auth_path === "instagram_login") {
          await unsubscribeInstagramAccount(metaConfig(), token);
        } else if (account.platform === "facebook") {
          await unsubscribePage(metaConfig(), account.external_account_id, token);
        } else if (account.platform === "bluesky" && account.service_url) {
          await endBlueskySession(account.service_url, token);
        }
      } catch (error) {
        console.warn(
          `[disconnect] could not unsubscribe ${account_id} from webhooks: ${
            (error as Error).message
          }`,
        );
      }
    }
    const [updated] = await asService((tx) =>
      tx<{ id: string; disconnected_at: Date }[]>`
        update public.channel_accounts set access_token_encrypted = null, token_key_id = null,
          status = 'disconnected', status_reason = 'Disconnected by a member of the workspace',
          disconnected_at = now()
        where id = ${account_id}
        returning id, disconnected_at`
    );
    const answer: DisconnectResponse = {
      id: updated!.id,
      status: "disconnected",
      disconnected_at: updated!.disconnected_at.toISOString(),
    };
    return json(answer);
  });
}
