import {
  blueskyPollRequestSchema,
  type BlueskyPollResponse,
} from "../../../../shared/src/contracts/bluesky.ts";
import { verifyRequest } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { asService, withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { HttpError, json } from "../http.ts";
import { parseBody } from "../validate.ts";
import { pollAccount } from "./poll-account.ts";

/** accounts polled by one cron run, one after another (each is a few calls to its PDS) */
const MAX_ACCOUNTS_PER_RUN = 200;

/**
 * bluesky-poll: the scheduler (service role, every minute) polls every connected Bluesky account,
 * least recently polled first; a member asks for one of their IMO's accounts now ("Check now",
 * or a test) with `{account_id}`.
 */
export function createBlueskyPollHandler() {
  return endpoint("POST", async (request) => {
    const claims = await verifyRequest(request);
    const input = await parseBody(request, blueskyPollRequestSchema);
    let accountIds: string[];
    if (claims.role === "service_role") {
      accountIds = input.account_id
        ? [input.account_id]
        : await asService(async (tx) =>
          (await tx<{ id: string }[]>`
          select id from public.channel_accounts
          where platform = 'bluesky' and status = 'connected'
          order by last_polled_at nulls first limit ${MAX_ACCOUNTS_PER_RUN}`).map((row) => row.id)
        );
    } else {
      if (!claims.sub || claims.role !== "authenticated") {
        throw new HttpError(401, "unauthorized", "Sign in first");
      }
      if (!input.account_id) {
        throw new HttpError(422, "validation_failed", "Name the account to poll", [
          { path: "account_id", message: "required" },
        ]);
      }
      await withUser(claims, async (tx) => {
        const [account] = await tx<{ imo_id: string }[]>`
          select imo_id from public.channel_accounts
          where id = ${input.account_id!} and platform = 'bluesky'`;
        if (!account) throw new HttpError(404, "account_not_found", "No such Bluesky account");
        await requireImoRole(tx, account.imo_id, ["owner", "admin", "recruiter"], {
          feature: "instagram_messaging",
        });
      });
      accountIds = [input.account_id];
    }
    const accounts = [];
    for (const id of accountIds) accounts.push(await pollAccount(id));
    const answer: BlueskyPollResponse = { accounts };
    return json(answer);
  });
}
