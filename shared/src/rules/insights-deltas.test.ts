import assert from "node:assert/strict";
import { test } from "node:test";
import { insightDeltas, type MetricSpec } from "./insights-deltas.ts";

const SPECS: MetricSpec[] = [
  { name: "reach", key: "reach", kind: "day_to_date" },
  { name: "total_interactions", key: "total_interactions", kind: "day_to_date" },
  { name: "followers_count", key: "followers", kind: "cumulative" },
];
const at = (iso: string) => new Date(iso);

test("an hour within the day: growth over the previous hour; followers: the change", () => {
  const derived = insightDeltas(
    SPECS,
    at("2026-12-02T10:00:00Z"),
    { reach: 150, total_interactions: 30, followers_count: 1190 },
    {
      window_start: at("2026-12-02T09:00:00Z"),
      metrics: { reach: 100, total_interactions: 20, followers_count: 1200 },
    },
  );
  assert.deepEqual(derived, {
    reach: 50,
    total_interactions: 10,
    followers: -10,
    engagement_rate: 0.2,
  });
});

test("the day's first hour is its own total; no previous hour means unknown, not zero", () => {
  assert.deepEqual(
    insightDeltas(SPECS, at("2026-12-02T00:00:00Z"), { reach: 7, followers_count: 5 }, null),
    { reach: 7, followers: null },
  );
  assert.deepEqual(
    insightDeltas(SPECS, at("2026-12-02T05:00:00Z"), { reach: 7, followers_count: 5 }, {
      window_start: at("2026-12-02T03:00:00Z"), // a missed hour between
      metrics: { reach: 3, followers_count: 4 },
    }),
    { reach: null, followers: null },
  );
});

test("a skipped metric is absent, and a total Meta revised down never goes below zero", () => {
  assert.deepEqual(
    insightDeltas(SPECS, at("2026-12-02T10:00:00Z"), { reach: 90 }, {
      window_start: at("2026-12-02T09:00:00Z"),
      metrics: { reach: 100, total_interactions: 4 },
    }),
    { reach: 0 },
  );
});
