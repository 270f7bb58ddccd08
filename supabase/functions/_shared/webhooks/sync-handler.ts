import { z } from "zod";
import { verifyRequest } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { asService, withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { HttpError, json } from "../http.ts";
import { MetaApiError } from "../meta/graph-client.ts";
import { parseBody } from "../validate.ts";
import { fetchContactProfiles } from "./contact-profiles.ts";
import { syncConversations } from "./sync-conversations.ts";

const syncInputSchema = z.object({ account_id: z.uuid() });

/** instagram-sync-conversations: on demand by a member of the account's IMO, or by the service role. */
export function createSyncHandler() {
  return endpoint("POST", async (request) => {
    const claims = await verifyRequest(request);
    const { account_id } = await parseBody(request, syncInputSchema);
    if (claims.role !== "service_role") {
      if (claims.role !== "authenticated" || !claims.sub) {
        throw new HttpError(401, "unauthorized", "Sign in to continue");
      }
      await withUser(claims, async (tx) => {
        const [row] = await tx<
          { imo_id: string }[]
        >`select imo_id from public.channel_accounts where id = ${account_id}`;
        if (!row) {
          throw new HttpError(404, "account_not_found", "No such account in your workspaces");
        }
        await requireImoRole(tx, row.imo_id, ["owner", "admin", "recruiter"]);
      });
    } else {
      const [row] = await asService((tx) =>
        tx`select 1 from public.channel_accounts where id = ${account_id}`
      );
      if (!row) throw new HttpError(404, "account_not_found", "No such account");
    }
    try {
      const result = await syncConversations(account_id);
      await fetchContactProfiles();
      return json(result);
    } catch (error) {
      if (error instanceof MetaApiError) {
        throw new HttpError(502, "meta_error", `Meta refused the sync: ${error.message}`, {
          kind: error.kind,
        });
      }
      throw error;
    }
  });
}
