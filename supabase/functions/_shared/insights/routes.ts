import {
  commandCenterQuerySchema,
  connectionHealthQuerySchema,
  insightsCronBodySchema,
  insightsQuerySchema,
  insightsSyncBodySchema,
  insightsSyncsQuerySchema,
  type InsightsSyncsResponse,
} from "../../../../shared/src/contracts/insights.ts";
import { requireUser, verifyRequest } from "../auth.ts";
import { requireImoRole } from "../connect/access.ts";
import { withUser } from "../db.ts";
import { HttpError, json } from "../http.ts";
import { router } from "../router.ts";
import { parseBody, parseQuery } from "../validate.ts";
import { commandCenter } from "./command-center.ts";
import { connectionHealth } from "./connection-health.ts";
import { readInsights } from "./read-insights.ts";
import { syncInsights } from "./sync-insights.ts";

const MEMBERS = ["owner", "admin", "recruiter"] as const;

/**
 * insights: Facebook Page and Instagram insights (read, sync, last syncs), the command center and
 * the connection-health console. `POST /insights` is the hourly cron's (service role: every
 * connected account, the hour before `at`); `POST /insights/sync` is "Sync now" for a member.
 */
export function createInsightsHandler() {
  return router([
    { method: "GET", path: "/insights", handle: read },
    { method: "POST", path: "/insights", handle: cronSync },
    { method: "POST", path: "/insights/sync", handle: memberSync },
    { method: "GET", path: "/insights/syncs", handle: lastSyncs },
    { method: "GET", path: "/insights/command-center", handle: commandCenterRoute },
    { method: "GET", path: "/insights/connection-health", handle: healthRoute },
  ]);
}

async function read(request: Request) {
  const claims = await requireUser(request);
  const query = parseQuery(request, insightsQuerySchema);
  const body = await withUser(claims, async (tx) => {
    await requireImoRole(tx, query.imo_id, [...MEMBERS]);
    return await readInsights(tx, query, new Date());
  });
  return json(body);
}

async function cronSync(request: Request) {
  const claims = await verifyRequest(request);
  if (claims.role !== "service_role") {
    throw new HttpError(403, "forbidden", "Only the scheduler may call this; use /insights/sync");
  }
  const text = await request.text();
  const result = insightsCronBodySchema.safeParse(text ? JSON.parse(text) : {});
  if (!result.success) throw new HttpError(422, "validation_failed", "The request body is invalid");
  const { at, channel_account_id } = result.data;
  return json(
    await syncInsights({ channelAccountId: channel_account_id }, at ? new Date(at) : new Date()),
  );
}

async function memberSync(request: Request) {
  const claims = await requireUser(request);
  const body = await parseBody(request, insightsSyncBodySchema);
  await withUser(claims, async (tx) => {
    await requireImoRole(tx, body.imo_id, [...MEMBERS]);
    if (body.channel_account_id) {
      const [account] = await tx`select 1 from public.channel_accounts
        where id = ${body.channel_account_id} and imo_id = ${body.imo_id}`;
      if (!account) throw new HttpError(404, "account_not_found", "No such channel account");
    }
  });
  return json(
    await syncInsights({ imoId: body.imo_id, channelAccountId: body.channel_account_id }),
  );
}

async function lastSyncs(request: Request) {
  const claims = await requireUser(request);
  const { imo_id } = parseQuery(request, insightsSyncsQuerySchema);
  const syncs = await withUser(claims, async (tx) => {
    await requireImoRole(tx, imo_id, [...MEMBERS]);
    return await tx<InsightsSyncsResponse["syncs"]>`
      select channel_account_id, last_attempt_at, last_synced_at, last_window_start,
        skipped_metrics, last_error
      from public.channel_insights_syncs where imo_id = ${imo_id} order by channel_account_id`;
  });
  return json({ syncs: JSON.parse(JSON.stringify(syncs)) });
}

async function commandCenterRoute(request: Request) {
  const claims = await requireUser(request);
  const { imo_id, tz } = parseQuery(request, commandCenterQuerySchema);
  const body = await withUser(claims, async (tx) => {
    await requireImoRole(tx, imo_id, [...MEMBERS]);
    return await commandCenter(tx, imo_id, tz, new Date());
  });
  return json(body);
}

async function healthRoute(request: Request) {
  const claims = await requireUser(request);
  const { imo_id } = parseQuery(request, connectionHealthQuerySchema);
  return json(await connectionHealth(claims, imo_id));
}
