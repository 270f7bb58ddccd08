import assert from "node:assert/strict";
import { control, graph, startTestSandbox, testOptions } from "./test-support.ts";

const DAY = 86_400;
const since = String(Math.floor(Date.UTC(2026, 11, 1) / 1000));
const until = String(Number(since) + 10 * 3600);

Deno.test(
  "insights: Instagram answers total_value per range, refuses retired metrics with Meta's code 100, and needs the insights scope",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await control<{ igAccountId: string; accessToken: string }>(
        sandbox,
        "POST",
        "accounts",
        { username: "insights.account", loginPath: "instagram_login" },
      );
      const ask = (query: Record<string, string>, token = account.accessToken) =>
        graph(sandbox, `graph.instagram.com/v25.0/${account.igAccountId}/insights`, {
          token,
          query,
        });
      const base = { period: "day", metric_type: "total_value", since, until };
      const whole = await ask({ ...base, metric: "reach,views" });
      assert.equal(whole.status, 200, JSON.stringify(whole.body));
      assert.deepEqual(whole.body.data.map((d: { name: string }) => d.name), ["reach", "views"]);
      const reach = whole.body.data[0];
      assert.equal(reach.period, "day");
      assert.equal(reach.id, `${account.igAccountId}/insights/reach/day`);
      assert.equal(typeof reach.total_value.value, "number");
      // a range's total is the sum of its parts, and the same question gets the same answer
      const middle = String(Number(since) + 4 * 3600);
      const first = await ask({ ...base, metric: "reach", until: middle });
      const second = await ask({ ...base, metric: "reach", since: middle });
      assert.equal(
        first.body.data[0].total_value.value + second.body.data[0].total_value.value,
        reach.total_value.value,
      );
      assert.deepEqual((await ask({ ...base, metric: "reach,views" })).body.data, whole.body.data);

      const retired = await ask({ ...base, metric: "reach,impressions" });
      assert.equal(retired.status, 400);
      assert.equal(retired.body.error.code, 100);
      assert.equal(retired.body.error.type, "OAuthException");
      assert.match(retired.body.error.message, /the impressions metric is no longer supported/);

      const series = await ask({ ...base, metric_type: "time_series", metric: "views" });
      assert.equal(series.status, 400);
      assert.match(
        series.body.error.message,
        /\(views\) should be specified with parameter metric_type=total_value/,
      );
      const daily = await ask({
        ...base,
        metric_type: "time_series",
        metric: "reach",
        until: String(Number(since) + 2 * DAY),
      });
      assert.equal(daily.body.data[0].values.length, 2);

      await control(sandbox, "POST", `accounts/${account.igAccountId}/insights`, {
        unavailable: ["views"],
      });
      const stopped = await ask({ ...base, metric: "reach,views" });
      assert.match(stopped.body.error.message, /the views metric is no longer supported/);

      await control(sandbox, "POST", `accounts/${account.igAccountId}/scopes`, {
        granted: ["instagram_business_basic", "instagram_business_manage_messages"],
      });
      const denied = await ask({ ...base, metric: "reach" });
      assert.equal(denied.status, 403);
      assert.equal(denied.body.error.code, 10);
    } finally {
      await sandbox.stop();
    }
  },
);

Deno.test(
  "insights: a Page answers daily values with its Page token and refuses retired Page metrics",
  testOptions,
  async () => {
    const sandbox = await startTestSandbox();
    try {
      const account = await control<{ pageId: string; accessToken: string }>(
        sandbox,
        "POST",
        "accounts",
        { username: "insights.page", loginPath: "facebook_login", withPage: true },
      );
      const ask = (metric: string) =>
        graph(sandbox, `graph.facebook.com/v25.0/${account.pageId}/insights`, {
          token: account.accessToken,
          query: { metric, period: "day", since, until: String(Number(since) + DAY + 3600) },
        });
      const answer = await ask("page_media_view,page_follows");
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const [views, follows] = answer.body.data;
      assert.equal(views.values.length, 2, "one value per UTC day of the range");
      assert.match(views.values[0].end_time, /^2026-12-02T00:00:00\+0000$/);
      assert.ok(follows.values[1].value >= follows.values[0].value, "a running total");
      for (const retired of ["page_impressions", "page_fans", "page_engaged_users"]) {
        const refused = await ask(`page_media_view,${retired}`);
        assert.equal(refused.status, 400, retired);
        assert.equal(refused.body.error.code, 100);
        assert.match(refused.body.error.message, /valid insights metric/);
      }
    } finally {
      await sandbox.stop();
    }
  },
);
