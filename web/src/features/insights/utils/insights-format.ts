import type { InsightsResponse } from "@dm-desk/shared/contracts/insights";
import type { ChartPoint } from "@/features/insights/components/insights-chart.tsx";

/** One metric's points for a chart: null where the window had no number (no baseline yet). */
export function seriesOf(response: InsightsResponse, key: string): ChartPoint[] {
  return response.series.map((point) => ({
    at: point.window_start,
    value: point.metrics[key] ?? null,
  }));
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(undefined, { notation: value >= 10_000 ? "compact" : "standard" })
    .format(value);
}

export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${value > 0 ? "+" : ""}${formatCount(value)}`;
}
