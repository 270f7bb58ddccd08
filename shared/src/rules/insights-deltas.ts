/**
 * Seed 004's "delta strategy" (docs/meta-platform.md §6): Meta serves account insights by day, not
 * by hour, and followers only as a running total. Each hourly window stores what Meta answered at
 * its end (`metrics`: day-to-date totals since 00:00 UTC, and cumulative counts) and derives the
 * hour's own numbers from the previous window's snapshot.
 */

export type MetricKind =
  /** Meta's daily total so far: the hour's number is the growth since the previous snapshot */
  | "day_to_date"
  /** a running total (followers): the hour's number is the change, up or down */
  | "cumulative";

export interface MetricSpec {
  /** Meta's name, the key in `metrics` */
  name: string;
  /** our name, the key in `derived` and in the read API */
  key: string;
  kind: MetricKind;
}

export interface Snapshot {
  window_start: Date;
  metrics: Record<string, number>;
}

const HOUR_MS = 3_600_000;
const startsDay = (at: Date) => at.getTime() % 86_400_000 === 0;
const sameUtcDay = (a: Date, b: Date) =>
  Math.floor(a.getTime() / 86_400_000) === Math.floor(b.getTime() / 86_400_000);

/**
 * The window's own numbers: for a day-to-date metric, the whole value in the day's first hour,
 * otherwise the growth over the previous hour's snapshot of the same day (never below zero: Meta
 * revises late numbers down now and then); for a cumulative one, the change over the previous
 * snapshot. Without that snapshot (the first sync, or a missed hour) the number is null: unknown,
 * not zero. `engagement_rate` is interactions over reach for the hour, when reach is known and > 0.
 */
export function insightDeltas(
  specs: readonly MetricSpec[],
  windowStart: Date,
  current: Record<string, number>,
  previous: Snapshot | null,
): Record<string, number | null> {
  const contiguous = previous !== null &&
    previous.window_start.getTime() + HOUR_MS === windowStart.getTime();
  const derived: Record<string, number | null> = {};
  for (const spec of specs) {
    const now = current[spec.name];
    if (now === undefined) continue;
    const before = contiguous ? previous!.metrics[spec.name] : undefined;
    if (spec.kind === "day_to_date") {
      if (startsDay(windowStart)) derived[spec.key] = now;
      else if (before !== undefined && sameUtcDay(previous!.window_start, windowStart)) {
        derived[spec.key] = Math.max(0, now - before);
      } else derived[spec.key] = null;
    } else {
      derived[spec.key] = before === undefined ? null : now - before;
    }
  }
  const interactions = derived.total_interactions ?? derived.engagements;
  const reach = derived.reach;
  if (interactions != null && reach != null && reach > 0) {
    derived.engagement_rate = Math.round((interactions / reach) * 10_000) / 10_000;
  }
  return derived;
}
