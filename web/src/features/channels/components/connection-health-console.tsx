import type { HealthProblem } from "@dm-desk/shared/contracts/insights";
import { AlertTriangle, CheckCircle2, CircleAlert } from "lucide-react";
import { Link } from "react-router";
import { toast } from "sonner";
import { Button } from "@/components/ui/button.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { paths } from "@/config/paths.ts";
import {
  type AccountConnectionHealth,
  useConnectionHealth,
} from "@/features/channels/api/get-connection-health.ts";
import { formatRelativeTime, formatTokenCountdown } from "@/features/channels/utils/format-time.ts";
import { useSyncInsights } from "@/features/insights/api/sync-insights.ts";

/**
 * The connection-health console (Settings › Health): per account the token, scopes, webhooks,
 * the rate governor's headroom, the last publish and insights sync, and each problem with its fix.
 */
export function ConnectionHealthConsole({ imoId }: { imoId: string }) {
  const health = useConnectionHealth(imoId);
  if (health.isPending) {
    return (
      <div className="space-y-3" aria-busy="true" aria-label="Loading connection health">
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  if (health.isError) {
    return (
      <LoadError
        message={health.error.message}
        isRetrying={health.isFetching}
        onRetry={() => void health.refetch()}
      />
    );
  }
  if (health.data.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        No connected accounts.{" "}
        <Link
          to={paths.app.settings.getHref()}
          className="text-indigo-600 underline dark:text-indigo-400"
        >
          Connect one in Channels
        </Link>
        .
      </p>
    );
  }
  return (
    <ul className="space-y-3">
      {health.data.map((account) => (
        <li key={account.channel_account_id}>
          <AccountHealthCard imoId={imoId} account={account} />
        </li>
      ))}
    </ul>
  );
}

function AccountHealthCard(
  { imoId, account }: { imoId: string; account: AccountConnectionHealth },
) {
  const { health } = account;
  const errors = account.problems.filter((p) => p.severity === "error").length;
  const name = account.username ? `@${account.username}` : account.display_name ?? account.platform;
  const subscription = account.webhook_subscription;
  return (
    <article
      className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
      aria-label={`${name} health`}
    >
      <header className="mb-2 flex items-center justify-between gap-2">
        <h3 className="truncate text-sm font-semibold text-zinc-900 dark:text-zinc-50">
          {name}{" "}
          <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">
            {account.platform}
          </span>
        </h3>
        {account.problems.length === 0
          ? (
            <span className="inline-flex items-center gap-1 text-[11px] text-emerald-700 dark:text-emerald-400">
              <CheckCircle2 className="size-3.5" aria-hidden="true" />Healthy
            </span>
          )
          : (
            <span
              className={`text-[11px] ${
                errors ? "text-rose-700 dark:text-rose-400" : "text-amber-700 dark:text-amber-300"
              }`}
            >
              {account.problems.length} to look at
            </span>
          )}
      </header>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-[11px] sm:grid-cols-2">
        <Fact
          label="Token"
          value={health.token_expires_in_seconds === null
            ? "Does not expire"
            : formatTokenCountdown(health.token_expires_in_seconds)}
        />
        <Fact
          label="Scopes"
          value={[...health.missing_scopes, ...account.missing_insights_scopes].length
            ? `Missing ${[...health.missing_scopes, ...account.missing_insights_scopes].join(", ")}`
            : "All granted"}
        />
        <Fact
          label="Last webhook"
          value={health.last_webhook_at ? formatRelativeTime(health.last_webhook_at) : "None yet"}
        />
        <Fact
          label="Webhook subscription"
          value={subscription.state === "not_applicable"
            ? "Not used"
            : subscription.state === "unknown"
            ? `Unknown${subscription.detail ? ` (${subscription.detail})` : ""}`
            : subscription.state === "subscribed"
            ? `Subscribed (${subscription.fields.length} fields)`
            : subscription.state === "partial"
            ? `Missing ${subscription.missing_fields.join(", ")}`
            : "Not subscribed"}
        />
        <Fact
          label="Rate headroom"
          value={account.rate_headroom.length
            ? account.rate_headroom.map((r) =>
              `${r.kind.replace(/_/g, " ")} ${r.remaining}/${r.limit}`
            ).join(" · ")
            : "—"}
        />
        <Fact label="Graph calls, last hour" value={String(account.calls_last_hour)} />
        <Fact
          label="Last publish"
          value={account.last_published_at
            ? formatRelativeTime(account.last_published_at)
            : "Nothing published yet"}
        />
        <Fact
          label="Insights sync"
          value={account.insights.last_synced_at
            ? formatRelativeTime(account.insights.last_synced_at)
            : "Never"}
        />
      </dl>
      {account.problems.length > 0 && (
        <ul className="mt-2 space-y-1.5 border-t border-zinc-100 pt-2 dark:border-zinc-800">
          {account.problems.map((problem) => (
            <ProblemRow
              key={problem.code}
              imoId={imoId}
              accountId={account.channel_account_id}
              problem={problem}
            />
          ))}
        </ul>
      )}
    </article>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex min-w-0 gap-2">
      <dt className="shrink-0 text-zinc-500 dark:text-zinc-400">{label}</dt>
      {/* wraps rather than truncates: a phone shows no hover title */}
      <dd className="min-w-0 break-words text-zinc-800 dark:text-zinc-100">{value}</dd>
    </div>
  );
}

function ProblemRow(
  { imoId, accountId, problem }: { imoId: string; accountId: string; problem: HealthProblem },
) {
  const sync = useSyncInsights({
    onSuccess: () => toast.success("Insights synced"),
    onError: (error) => toast.error(error.message),
  });
  const Icon = problem.severity === "error" ? CircleAlert : AlertTriangle;
  return (
    <li className="flex flex-wrap items-center gap-2 text-[11px]">
      <Icon
        className={`size-3.5 shrink-0 ${
          problem.severity === "error"
            ? "text-rose-600 dark:text-rose-400"
            : "text-amber-600 dark:text-amber-300"
        }`}
        aria-hidden="true"
      />
      <span className="min-w-0 flex-1 break-words text-zinc-700 dark:text-zinc-200 [overflow-wrap:anywhere]">
        {problem.message}
      </span>
      {problem.action === "sync_insights"
        ? (
          <Button
            size="sm"
            variant="secondary"
            isPending={sync.isPending}
            pendingLabel="Syncing…"
            onClick={() => sync.mutate({ imo_id: imoId, channel_account_id: accountId })}
          >
            {problem.action_label}
          </Button>
        )
        : problem.action === "wait"
        ? <span className="text-zinc-500 dark:text-zinc-400">{problem.action_label}</span>
        : problem.action === "check_meta"
        ? (
          <a
            className="text-indigo-600 underline dark:text-indigo-400"
            href="https://developers.facebook.com/apps/"
            target="_blank"
            rel="noreferrer"
          >
            {problem.action_label}
          </a>
        )
        : (
          <Link
            className="text-indigo-600 underline dark:text-indigo-400"
            to={paths.app.settings.getHref()}
          >
            {problem.action_label}
          </Link>
        )}
    </li>
  );
}
