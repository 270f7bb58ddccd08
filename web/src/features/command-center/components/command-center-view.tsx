import type { CommandCenterResponse } from "@dm-desk/shared/contracts/insights";
import { Inbox } from "lucide-react";
import { Link } from "react-router";
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { EmptyState } from "@/components/ui/empty-state.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { paths } from "@/config/paths.ts";
import { useCommandCenter } from "@/features/command-center/api/get-command-center.ts";
import { useInsights } from "@/features/insights/api/get-insights.ts";
import { InsightsChart } from "@/features/insights/components/insights-chart.tsx";
import { formatCount, seriesOf } from "@/features/insights/utils/insights-format.ts";

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

const CATEGORY_LABELS: Record<string, string> = {
  candidate: "Candidates",
  client_or_partner: "Clients, partners",
  customer_order: "Orders",
  support: "Support",
  spam: "Spam",
  other: "Other",
  unanalysed: "Not analysed",
};

/** The command center: what the desk did today and over 7 and 30 days, in the browser's time zone. */
export function CommandCenterView({ imoId }: { imoId: string }) {
  const tz = browserTimeZone();
  const stats = useCommandCenter(imoId, tz);
  if (stats.isPending) {
    return (
      <div
        className="mx-auto w-full max-w-5xl space-y-3 px-3 py-4 md:px-6"
        aria-busy="true"
        aria-label="Loading the command center"
      >
        <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
          {[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-20" />)}
        </div>
        <Skeleton className="h-48" />
      </div>
    );
  }
  if (stats.isError) {
    return (
      <div className="mx-auto w-full max-w-5xl px-3 py-4 md:px-6">
        <LoadError
          message={stats.error.message}
          isRetrying={stats.isFetching}
          onRetry={() => void stats.refetch()}
        />
      </div>
    );
  }
  const data = stats.data;
  const { total } = data.dms;
  if (total.received_30d === 0 && data.categories.length === 0) {
    return (
      <EmptyState
        icon={<Inbox className="size-6" aria-hidden="true" />}
        title="Nothing to count yet"
        description={
          <>
            DMs of the last 30 days show here once an account is connected.{" "}
            <Link
              className="text-indigo-600 underline dark:text-indigo-400"
              to={paths.app.settings.getHref()}
            >
              Connect a channel
            </Link>
          </>
        }
      />
    );
  }
  return (
    <div className="mx-auto w-full max-w-5xl space-y-4 px-3 py-4 md:px-6">
      <section aria-label="DMs" className="grid grid-cols-2 gap-2 md:grid-cols-4">
        <Card
          label="DMs today"
          value={formatCount(total.received_today)}
          detail={`${total.answered_today} answered`}
        />
        <Card
          label="Last 7 days"
          value={formatCount(total.received_7d)}
          detail={`${total.answered_7d} answered`}
        />
        <Card
          label="Last 30 days"
          value={formatCount(total.received_30d)}
          detail={`${total.answered_30d} answered`}
        />
        <Card
          label="First response (median)"
          value={formatDuration(total.median_first_response_seconds_7d)}
          detail={`30 days: ${formatDuration(total.median_first_response_seconds_30d)}`}
        />
        <Card
          label="Leads from DMs (7 days)"
          value={formatCount(data.leads.created_7d)}
          detail={`today ${data.leads.created_today} · 30 days ${data.leads.created_30d}`}
        />
        <Card
          label="Orders from DMs (7 days)"
          value={formatCount(data.orders.orders_7d)}
          detail={`today ${data.orders.orders_today} · 30 days ${data.orders.orders_30d}`}
        />
        <SentimentCard sentiment={data.sentiment} />
        <Card
          label="Answer rate (7 days)"
          value={total.received_7d
            ? `${Math.round((total.answered_7d / total.received_7d) * 100)} %`
            : "—"}
          detail="of DMs received"
        />
      </section>
      <div className="grid gap-3 md:grid-cols-2">
        <ChannelsTable channels={data.dms.channels} />
        <CategoriesChart categories={data.categories} />
      </div>
      <ReachPreview imoId={imoId} />
      <p className="text-[10px] text-zinc-500 dark:text-zinc-400">
        Days in{" "}
        {data.tz}. A DM is answered when a reply of ours follows it; the first response is timed
        from the first message of each turn.
      </p>
    </div>
  );
}

function Card({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="text-[10px] font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        {label}
      </div>
      <div className="text-xl font-semibold tabular-nums text-zinc-900 dark:text-zinc-50">
        {value}
      </div>
      <div className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">{detail}</div>
    </div>
  );
}

function SentimentCard({ sentiment }: { sentiment: CommandCenterResponse["sentiment"] }) {
  const total = sentiment.analysed_7d || 1;
  const parts = [
    { key: "positive", count: sentiment.positive_7d, className: "bg-emerald-500" },
    { key: "neutral", count: sentiment.neutral_7d, className: "bg-zinc-400" },
    { key: "negative", count: sentiment.negative_7d, className: "bg-rose-500" },
  ];
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="text-[10px] font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        Sentiment (7 days)
      </div>
      <div className="text-xl font-semibold tabular-nums text-zinc-900 dark:text-zinc-50">
        {sentiment.average_sentiment_7d === null ? "—" : sentiment.average_sentiment_7d.toFixed(2)}
      </div>
      <div
        className="mt-1 flex h-1.5 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
        role="img"
        aria-label={`${sentiment.positive_7d} positive, ${sentiment.neutral_7d} neutral, ${sentiment.negative_7d} negative`}
      >
        {parts.map((p) => (
          <span
            key={p.key}
            className={p.className}
            style={{ width: `${(p.count / total) * 100}%` }}
          />
        ))}
      </div>
      <div className="mt-0.5 text-[11px] text-zinc-500 dark:text-zinc-400">
        {sentiment.positive_7d} positive · {sentiment.neutral_7d} neutral · {sentiment.negative_7d}
        {" "}
        negative
      </div>
    </div>
  );
}

function ChannelsTable({ channels }: { channels: CommandCenterResponse["dms"]["channels"] }) {
  return (
    <section
      className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
      aria-labelledby="cc-channels"
    >
      <h2 id="cc-channels" className="mb-2 text-xs font-medium text-zinc-700 dark:text-zinc-200">
        By channel (received · answered)
      </h2>
      {channels.length === 0
        ? <p className="text-xs text-zinc-500 dark:text-zinc-400">No DMs in the last 30 days.</p>
        : (
          <table className="w-full text-[11px] tabular-nums">
            <thead className="text-left text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="font-medium">Channel</th>
                <th className="font-medium">Today</th>
                <th className="font-medium">7 d</th>
                <th className="font-medium">30 d</th>
                <th className="font-medium">Median</th>
              </tr>
            </thead>
            <tbody className="text-zinc-800 dark:text-zinc-100">
              {channels.map((c) => (
                <tr
                  key={c.channel_account_id}
                  className="border-t border-zinc-100 dark:border-zinc-800"
                >
                  <td className="max-w-28 truncate py-1 pr-2">
                    {c.username ? `@${c.username}` : c.platform}{" "}
                    <span className="text-zinc-400">{c.platform}</span>
                  </td>
                  <td>{c.received_today} · {c.answered_today}</td>
                  <td>{c.received_7d} · {c.answered_7d}</td>
                  <td>{c.received_30d} · {c.answered_30d}</td>
                  <td>{formatDuration(c.median_first_response_seconds_7d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </section>
  );
}

function CategoriesChart({ categories }: { categories: CommandCenterResponse["categories"] }) {
  const data = categories.map((c) => ({
    name: CATEGORY_LABELS[c.category] ?? c.category,
    value: c.conversations,
  }));
  return (
    <section
      className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
      aria-labelledby="cc-categories"
    >
      <h2 id="cc-categories" className="mb-2 text-xs font-medium text-zinc-700 dark:text-zinc-200">
        Conversations by AI category
      </h2>
      {data.length === 0
        ? <p className="text-xs text-zinc-500 dark:text-zinc-400">No conversations yet.</p>
        : (
          <div className="h-44 text-zinc-500 dark:text-zinc-400">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={data}
                layout="vertical"
                margin={{ top: 0, right: 8, bottom: 0, left: 8 }}
              >
                <XAxis type="number" hide allowDecimals={false} />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={96}
                  tick={{ fill: "currentColor", fontSize: 10 }}
                  stroke="currentColor"
                  strokeOpacity={0.3}
                />
                <Tooltip
                  contentStyle={{ fontSize: 11, borderRadius: 6 }}
                  formatter={(value) => [value, "Conversations"]}
                />
                <Bar
                  dataKey="value"
                  fill="#6366f1"
                  radius={[0, 3, 3, 0]}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
    </section>
  );
}

/** Instagram reach over the last 7 days, from the same read as the Insights tab. */
function ReachPreview({ imoId }: { imoId: string }) {
  const insights = useInsights(imoId, { platform: "instagram", period: "day", days: 7 });
  if (!insights.data || insights.data.series.length === 0) return null;
  return (
    <div className="space-y-1">
      <InsightsChart
        title="Instagram reach, 7 days"
        headline={formatCount(insights.data.aggregates.sum_reach)}
        points={seriesOf(insights.data, "reach")}
        period="day"
        color="#6366f1"
      />
      <Link
        to={paths.app.insights.getHref()}
        className="text-[11px] text-indigo-600 underline dark:text-indigo-400"
      >
        All insights
      </Link>
    </div>
  );
}
