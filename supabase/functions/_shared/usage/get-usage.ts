import { usageQuerySchema, type UsageResponse } from "../../../../shared/src/contracts/usage.ts";
import { requireUser } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { withUser } from "../db.ts";
import { endpoint } from "../endpoint.ts";
import { json } from "../http.ts";
import { parseQuery } from "../validate.ts";
import { dailyMessages, hourlyGraphCalls } from "./usage-queries.ts";

/** usage: messages sent and received per day, Graph calls per account and hour, for a member. */
export function createUsageHandler() {
  return endpoint("GET", async (request) => {
    const claims = await requireUser(request);
    const query = parseQuery(request, usageQuerySchema);
    const body = await withUser(claims, async (tx): Promise<UsageResponse> => {
      await requireImoRole(tx, query.imo_id, ["owner", "admin", "recruiter"]);
      return {
        daily: await dailyMessages(tx, query.imo_id, query.days),
        graph_calls: await hourlyGraphCalls(tx, query.imo_id, query.hours),
      };
    });
    return json(body);
  });
}
