import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ChartPoint = { at: string; value: number | null };

type InsightsChartProps = {
  title: string;
  /** the headline beside the title: the range's total, or followers now */
  headline: string;
  points: ChartPoint[];
  period: "hour" | "day";
  color: string;
  /** shown under the title: what the number means */
  caption?: string;
};

const formatTick = (iso: string, period: "hour" | "day") => {
  const date = new Date(iso);
  return period === "hour"
    ? date.toLocaleTimeString(undefined, { hour: "numeric" })
    : date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
};

/** One metric over the range, drawn by Recharts; axes and grid follow the text colour (dark mode). */
export function InsightsChart(
  { title, headline, points, period, color, caption }: InsightsChartProps,
) {
  const id = `fill-${title.replace(/\W/g, "")}`;
  return (
    <figure
      className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
      aria-label={`${title}: ${headline}`}
    >
      <figcaption className="mb-2 flex items-baseline justify-between gap-2">
        <span>
          <span className="block text-xs font-medium text-zinc-700 dark:text-zinc-200">
            {title}
          </span>
          {caption && (
            <span className="block text-[10px] text-zinc-500 dark:text-zinc-400">{caption}</span>
          )}
        </span>
        <span className="text-base font-semibold tabular-nums text-zinc-900 dark:text-zinc-50">
          {headline}
        </span>
      </figcaption>
      <div className="h-36 text-zinc-400 dark:text-zinc-500">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
            <defs>
              <linearGradient id={id} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={color} stopOpacity={0.35} />
                <stop offset="100%" stopColor={color} stopOpacity={0} />
              </linearGradient>
            </defs>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.2} vertical={false} />
            <XAxis
              dataKey="at"
              tickFormatter={(at: string) => formatTick(at, period)}
              tick={{ fill: "currentColor", fontSize: 10 }}
              stroke="currentColor"
              strokeOpacity={0.3}
              minTickGap={24}
            />
            <YAxis
              tick={{ fill: "currentColor", fontSize: 10 }}
              stroke="currentColor"
              strokeOpacity={0.3}
              allowDecimals={false}
              width={44}
            />
            <Tooltip
              labelFormatter={(at) => new Date(String(at)).toLocaleString()}
              formatter={(value) => [value ?? "—", title]}
              contentStyle={{ fontSize: 11, borderRadius: 6 }}
            />
            <Area
              type="monotone"
              dataKey="value"
              stroke={color}
              strokeWidth={2}
              fill={`url(#${id})`}
              connectNulls
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
