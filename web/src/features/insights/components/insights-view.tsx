import * as RadioGroup from "@radix-ui/react-radio-group";
import type { InsightsResponse } from "@dm-desk/shared/contracts/insights";
import { BarChart3, RefreshCw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button.tsx";
import { EmptyState } from "@/components/ui/empty-state.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { useConnectedAccounts } from "@/features/channels/api/get-connected-accounts.ts";
import { formatRelativeTime } from "@/features/channels/utils/format-time.ts";
import { useInsights } from "@/features/insights/api/get-insights.ts";
import { useInsightsSyncs } from "@/features/insights/api/get-insights-syncs.ts";
import type { InsightsFilters } from "@/features/insights/api/keys.ts";
import { useSyncInsights } from "@/features/insights/api/sync-insights.ts";
import { InsightsChart } from "@/features/insights/components/insights-chart.tsx";
import { formatCount, formatSigned, seriesOf } from "@/features/insights/utils/insights-format.ts";

const RANGES = {
  "24h": { label: "24 hours", period: "hour", hours: 24 },
  "7d": { label: "7 days", period: "day", days: 7 },
  "30d": { label: "30 days", period: "day", days: 30 },
} as const;
type Range = keyof typeof RANGES;
type Platform = "instagram" | "facebook";

/** Insights: reach, views (Meta's successor to impressions) and followers, with "Sync now". */
export function InsightsView({ imoId }: { imoId: string }) {
  const [platform, setPlatform] = useState<Platform>("instagram");
  const [range, setRange] = useState<Range>("24h");
  const { label: _label, ...span } = RANGES[range];
  const filters: InsightsFilters = { platform, ...span };
  const insights = useInsights(imoId, filters);
  const syncs = useInsightsSyncs(imoId);
  const accounts = useConnectedAccounts(imoId);
  const sync = useSyncInsights({
    onSuccess: (result) => {
      const skipped = result.accounts.flatMap((a) => a.skipped.map((s) => s.metric));
      const failed = result.accounts.filter((a) => a.outcome === "failed");
      if (result.accounts.length === 0) {
        toast.info("No connected Instagram or Facebook account to sync");
      } else if (failed.length) {
        toast.error(`Sync failed for ${failed.length} account(s): ${failed[0]!.error}`);
      } else {toast.success(
          skipped.length
            ? `Synced; Meta no longer serves ${skipped.join(", ")}`
            : "Insights synced",
        );}
    },
    onError: (error) => toast.error(error.message),
  });
  const metaAccounts = (accounts.data ?? []).filter((a) =>
    a.platform === platform && a.status !== "disconnected"
  );
  const lastSync = (syncs.data ?? [])
    .filter((s) => metaAccounts.some((a) => a.id === s.channel_account_id))
    .map((s) => s.last_synced_at)
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1);

  return (
    <div className="mx-auto w-full max-w-5xl space-y-4 px-3 py-4 md:px-6">
      <div className="flex flex-wrap items-center gap-2">
        <Segmented
          label="Platform"
          value={platform}
          options={[["instagram", "Instagram"], ["facebook", "Facebook Page"]]}
          onChange={(value) => setPlatform(value as Platform)}
        />
        <Segmented
          label="Range"
          value={range}
          options={Object.entries(RANGES).map(([key, r]) => [key, r.label])}
          onChange={(value) => setRange(value as Range)}
        />
        <div className="ml-auto flex items-center gap-2">
          <span className="text-[11px] text-zinc-500 dark:text-zinc-400" data-testid="last-sync">
            {lastSync ? `Last sync ${formatRelativeTime(lastSync)}` : "Never synced"}
          </span>
          <Button
            size="sm"
            variant="secondary"
            isPending={sync.isPending}
            pendingLabel="Syncing…"
            onClick={() => sync.mutate({ imo_id: imoId })}
          >
            <RefreshCw className="mr-1.5 inline size-3.5" aria-hidden="true" />
            Sync now
          </Button>
        </div>
      </div>

      {insights.isPending
        ? (
          <div className="grid gap-3 md:grid-cols-3" aria-busy="true" aria-label="Loading insights">
            {[0, 1, 2].map((i) => <Skeleton key={i} className="h-48" />)}
          </div>
        )
        : insights.isError
        ? (
          <LoadError
            message={insights.error.message}
            isRetrying={insights.isFetching}
            onRetry={() => void insights.refetch()}
          />
        )
        : insights.data.series.length === 0
        ? (
          <EmptyState
            icon={<BarChart3 className="size-6" aria-hidden="true" />}
            title="No insights yet"
            description={metaAccounts.length === 0
              ? `Connect ${
                platform === "instagram" ? "an Instagram account" : "a Facebook Page"
              } in Settings › Channels; its insights arrive every hour.`
              : "Insights are synced every hour. Sync now to fetch the last hour."}
          />
        )
        : (
          <>
            <div className="grid gap-3 md:grid-cols-3">
              {chartsOf(insights.data).map(({ key, ...chart }) => (
                <InsightsChart
                  key={key}
                  {...chart}
                  points={seriesOf(insights.data, key)}
                  period={insights.data.period}
                />
              ))}
            </div>
            <dl className="grid grid-cols-2 gap-2 text-xs sm:grid-cols-4">
              <Stat
                label="Engagement rate"
                value={insights.data.aggregates.engagement_rate == null
                  ? "—"
                  : `${(insights.data.aggregates.engagement_rate * 100).toFixed(1)} %`}
              />
              <Stat
                label={platform === "instagram" ? "Interactions" : "Engagements"}
                value={formatCount(
                  insights.data.aggregates.sum_total_interactions ??
                    insights.data.aggregates.sum_engagements,
                )}
              />
              <Stat
                label="Profile views"
                value={formatCount(insights.data.aggregates.sum_profile_views)}
              />
              <Stat label="Windows" value={String(insights.data.series.length)} />
            </dl>
          </>
        )}
      <SkippedNotice syncs={syncs.data ?? []} accountIds={metaAccounts.map((a) => a.id)} />
    </div>
  );
}

/** The three charts: reach, views (Meta's successor to impressions) and followers. */
function chartsOf(data: InsightsResponse) {
  const { aggregates } = data;
  return [
    {
      key: "reach",
      title: "Reach",
      caption: "Accounts reached, per window",
      headline: formatCount(aggregates.sum_reach),
      color: "#6366f1",
    },
    {
      key: "views",
      title: "Impressions (views)",
      caption: "Meta replaced impressions with views in 2025",
      headline: formatCount(aggregates.sum_views),
      color: "#0ea5e9",
    },
    {
      key: "followers",
      title: "Followers",
      caption: `Change per window · ${formatCount(aggregates.followers_latest)} now`,
      headline: formatSigned(aggregates.sum_followers),
      color: "#10b981",
    },
  ];
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <dt className="text-[10px] uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        {label}
      </dt>
      <dd className="text-sm font-semibold tabular-nums text-zinc-900 dark:text-zinc-50">
        {value}
      </dd>
    </div>
  );
}

function SkippedNotice(
  { syncs, accountIds }: {
    syncs: { channel_account_id: string; skipped_metrics: { metric: string }[] }[];
    accountIds: string[];
  },
) {
  const skipped = [
    ...new Set(
      syncs.filter((s) => accountIds.includes(s.channel_account_id))
        .flatMap((s) => s.skipped_metrics.map((m) => m.metric)),
    ),
  ];
  if (skipped.length === 0) return null;
  return (
    <p className="text-[11px] text-amber-700 dark:text-amber-300">
      Meta no longer serves {skipped.join(", ")}; the last sync skipped{" "}
      {skipped.length === 1 ? "it" : "them"}.
    </p>
  );
}

/**
 * A radio group drawn as a segmented control. Radix gives one tab stop and arrow keys (all four,
 * with the focus following the choice), as the WAI-ARIA radio group pattern asks.
 */
export function Segmented(
  { label, value, options, onChange }: {
    label: string;
    value: string;
    options: readonly (readonly [string, string])[];
    onChange: (value: string) => void;
  },
) {
  return (
    <RadioGroup.Root
      aria-label={label}
      value={value}
      onValueChange={onChange}
      className="inline-flex rounded-md border border-zinc-200 bg-zinc-50 p-0.5 text-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      {options.map(([key, text]) => (
        <RadioGroup.Item
          key={key}
          value={key}
          className="rounded px-2.5 py-1 font-medium text-zinc-500 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-indigo-600 data-[state=checked]:bg-white data-[state=checked]:text-zinc-900 data-[state=checked]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-[state=checked]:bg-zinc-700 dark:data-[state=checked]:text-zinc-50"
        >
          {text}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
