import assert from "node:assert/strict";
import {
  insightsResponseSchema,
  insightsSyncResultSchema,
  insightsSyncsResponseSchema,
} from "../../../shared/src/contracts/insights.ts";
import { instagramHour } from "../../../scripts/meta-sandbox/insights-api.ts";
import { connectSandboxAccount } from "../../../scripts/testing/connected-account.ts";
import { sandbox } from "../../../scripts/testing/meta-sandbox-client.ts";
import { platformEnv } from "../../../scripts/testing/platform-env.ts";
import { callFunction, createWorkspace } from "../../../scripts/testing/workspace.ts";

const options = { sanitizeResources: false, sanitizeOps: false };
const HOUR = 3_600_000;

/** The hourly cron's call: the hour before `at`, for one account. */
async function cronSync(at: Date, channelAccountId: string) {
  const { url, serviceRoleKey } = platformEnv();
  const response = await fetch(`${url}/functions/v1/insights`, {
    method: "POST",
    headers: { authorization: `Bearer ${serviceRoleKey}`, "content-type": "application/json" },
    body: JSON.stringify({ at: at.toISOString(), channel_account_id: channelAccountId }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return insightsSyncResultSchema.parse(await response.json());
}

interface Row {
  window_start: Date;
  window_end: Date;
  metrics: Record<string, number>;
  derived: Record<string, number | null>;
  updated_at: Date;
  synced_at: Date;
}

Deno.test(
  "insights: two hourly runs store two windows with the hour's deltas; running an hour again changes nothing",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", label: "insights" });
    const stranger = await createWorkspace({ plan: "team", label: "insights-stranger" });
    try {
      const account = await connectSandboxAccount(ws);
      // two closed hours inside the last day, five minutes past the hour as the cron runs
      const firstEnd = new Date(Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR);
      const secondEnd = new Date(firstEnd.getTime() + HOUR);
      const at = (end: Date) => new Date(end.getTime() + 5 * 60_000);

      await sandbox(`accounts/${account.igAccountId}/insights`, { followersCount: 1200 });
      const first = await cronSync(at(firstEnd), account.accountId);
      assert.deepEqual(first.accounts.map((a) => [a.outcome, a.skipped, a.error]), [
        ["stored", [], null],
      ]);
      await sandbox(`accounts/${account.igAccountId}/insights`, { followersCount: 1210 });
      const second = await cronSync(at(secondEnd), account.accountId);
      assert.equal(second.accounts[0]!.outcome, "stored");
      assert.equal(second.window.window_end, secondEnd.toISOString());

      // the two windows of these runs (the hourly cron may add the last hour meanwhile)
      const rows = (all = false) =>
        ws.sql<Row[]>`
          select window_start, window_end, metrics, derived, updated_at, synced_at
          from public.channel_insights where channel_account_id = ${account.accountId}
            and (${all} or window_end in (${firstEnd}, ${secondEnd}))
          order by window_start`;
      const stored = await rows();
      assert.equal(stored.length, 2, "one row per hourly window");
      const [one, two] = [stored[0]!, stored[1]!];
      assert.equal(one.window_end.getTime(), firstEnd.getTime());
      assert.equal(two.window_start.getTime(), firstEnd.getTime());
      assert.equal(one.metrics.followers_count, 1200);
      assert.equal(two.metrics.followers_count, 1210);
      // followers: the change over the previous snapshot; none before the first
      assert.equal(one.derived.followers, null);
      assert.equal(two.derived.followers, 10);
      for (const metric of ["reach", "views", "accounts_engaged", "total_interactions"]) {
        // Meta gives day-to-date totals: the second hour's own number is Meta's number for it
        assert.equal(
          two.derived[metric],
          instagramHour(account.igAccountId, metric, two.window_start),
          metric,
        );
        const firstStartsDay = one.window_start.getUTCHours() === 0;
        assert.equal(
          one.derived[metric],
          firstStartsDay ? one.metrics[metric] : null,
          `${metric}: no baseline for the first hour unless it starts the day`,
        );
      }
      if (two.window_start.getUTCHours() !== 0) {
        assert.equal(two.derived.reach, two.metrics.reach! - one.metrics.reach!);
      }

      const again = await cronSync(at(secondEnd), account.accountId);
      assert.equal(again.accounts[0]!.outcome, "unchanged");
      assert.deepEqual(await rows(), stored, "a re-run of the same hour changes nothing");

      // the read API: the series and its aggregates are the rows' derived numbers
      const inRange = await rows(true);
      const read = await callFunction(
        ws,
        `insights?imo_id=${ws.imoId}&platform=instagram&period=hour&hours=24`,
      );
      assert.equal(read.status, 200, await read.clone().text());
      const body = insightsResponseSchema.parse(await read.json());
      assert.deepEqual(
        body.series.map((p) => p.window_start),
        inRange.map((r) => r.window_start.toISOString()),
      );
      for (const [index, point] of body.series.entries()) {
        for (const [key, value] of Object.entries(inRange[index]!.derived)) {
          if (key === "engagement_rate") continue;
          assert.equal(point.metrics[key], value, `${key} of window ${index}`);
        }
      }
      const sum = (key: string) =>
        inRange.some((r) => r.derived[key] != null)
          ? inRange.reduce((total, r) => total + (r.derived[key] ?? 0), 0)
          : null;
      for (const key of ["reach", "views", "total_interactions", "followers"]) {
        assert.equal(body.aggregates[`sum_${key}`], sum(key), key);
      }
      assert.equal(body.aggregates.followers_latest, inRange.at(-1)!.metrics.followers_count);
      const byDay = insightsResponseSchema.parse(
        await (await callFunction(
          ws,
          `insights?imo_id=${ws.imoId}&platform=instagram&period=day&days=2`,
        )).json(),
      );
      assert.equal(
        byDay.series.reduce((total, p) => total + (p.metrics.views ?? 0), 0),
        sum("views"),
        "days sum their hours",
      );

      const hidden = await callFunction(
        stranger,
        `insights?imo_id=${ws.imoId}&platform=instagram`,
      );
      assert.equal(hidden.status, 404);
      await hidden.body?.cancel();
    } finally {
      await Promise.all([ws.close(), stranger.close()]);
    }
  },
);

Deno.test(
  "insights: a metric Meta no longer serves is skipped and reported, and the rest is stored",
  options,
  async () => {
    const ws = await createWorkspace({ plan: "team", role: "recruiter", label: "insights-skip" });
    try {
      const account = await connectSandboxAccount(ws);
      await sandbox(`accounts/${account.igAccountId}/insights`, {
        unavailable: ["profile_views"],
      });
      // "Sync now", as a member
      const response = await callFunction(ws, "insights/sync", { body: { imo_id: ws.imoId } });
      assert.equal(response.status, 200, await response.clone().text());
      const result = insightsSyncResultSchema.parse(await response.json());
      assert.equal(result.accounts.length, 1);
      const [outcome] = result.accounts;
      // "updated" only if the hourly cron stored this hour first, in the moment before
      assert.ok(["stored", "updated"].includes(outcome!.outcome), outcome!.outcome);
      assert.equal(outcome!.error, null);
      assert.deepEqual(outcome!.skipped.map((s) => s.metric), ["profile_views"]);
      assert.match(outcome!.skipped[0]!.reason, /profile_views metric is no longer supported/);

      const [row] = await ws.sql<{ metrics: Record<string, number> }[]>`
        select metrics from public.channel_insights where channel_account_id = ${account.accountId}`;
      assert.equal(row!.metrics.profile_views, undefined);
      assert.equal(typeof row!.metrics.reach, "number");
      assert.equal(typeof row!.metrics.followers_count, "number");

      const syncs = insightsSyncsResponseSchema.parse(
        await (await callFunction(ws, `insights/syncs?imo_id=${ws.imoId}`)).json(),
      );
      assert.equal(syncs.syncs.length, 1);
      assert.ok(syncs.syncs[0]!.last_synced_at, "last sync time");
      assert.equal(syncs.syncs[0]!.last_error, null);
      assert.deepEqual(syncs.syncs[0]!.skipped_metrics.map((s) => s.metric), ["profile_views"]);

      // a post that went out yesterday, and an older one: the console shows the newest
      const publishedAt = new Date(Date.now() - 86_400_000);
      await ws.sql`
        insert into public.publications (imo_id, channel_account_id, status, caption, external_id, published_at)
        values (${ws.imoId}, ${account.accountId}, 'published', 'Open day', '17900000000000001', ${publishedAt}),
               (${ws.imoId}, ${account.accountId}, 'published', 'Older', '17900000000000002', ${new Date(
        publishedAt.getTime() - 3_600_000,
      )})`;

      // the console reports it, with what to do
      const health = await callFunction(ws, `insights/connection-health?imo_id=${ws.imoId}`);
      assert.equal(health.status, 200, await health.clone().text());
      const { accounts } = await health.json();
      const codes = accounts[0].problems.map((p: { code: string }) => p.code);
      assert.ok(codes.includes("insights_metrics_skipped"), codes.join(","));
      assert.equal(accounts[0].last_published_at, publishedAt.toISOString());
      assert.ok(
        accounts[0].rate_headroom.some((r: { kind: string; used: number }) =>
          r.kind === "insights" && r.used >= 2
        ),
      );
    } finally {
      await ws.close();
    }
  },
);
