import { connectedAccountsQuerySchema } from "../../../../shared/src/contracts/connected-accounts.ts";
import { accountHealth } from "../../../../shared/src/rules/account-health.ts";
import { channelAccountSchema } from "../../../../shared/src/schemas/channel-account.ts";
import { requireUser } from "../auth.ts";
import { withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { parseQuery } from "../validate.ts";
import { requireImoRole } from "./access.ts";

// The columns `authenticated` may read; asking for more would fail on column privileges anyway.
const PUBLIC_COLUMNS = Object.keys(channelAccountSchema.shape);

/** connected-accounts: every channel account of an IMO with its health, for any member. No token. */
export function createConnectedAccountsHandler() {
  return endpoint("GET", async (request) => {
    const claims = await requireUser(request);
    const { imo_id } = parseQuery(request, connectedAccountsQuerySchema);
    const rows = await withUser(claims, async (tx) => {
      await requireImoRole(tx, imo_id, ["owner", "admin", "recruiter"]);
      return await tx`
        select ${tx(PUBLIC_COLUMNS)} from public.channel_accounts
        where imo_id = ${imo_id} order by platform, connected_at`;
    });
    const now = new Date();
    const accounts = rows.map((row) => {
      const account = channelAccountSchema.parse(JSON.parse(JSON.stringify(row)));
      return { ...account, health: accountHealth(account, now) };
    });
    return json({ accounts });
  });
}
