import type { ConnectedAccount } from "@/features/channels/api/get-connected-accounts.ts";
import { BlueskyPollHealth } from "@/features/channels/components/bluesky-poll-health.tsx";
import { formatRelativeTime, formatTokenCountdown } from "@/features/channels/utils/format-time.ts";

// The lines under an account's name: only what helps decide whether to act on it.
export function AccountHealth({ account }: { account: ConnectedAccount }) {
  const { health } = account;

  if (account.status === "disconnected") {
    return (
      <ul className="space-y-0.5 text-sm text-neutral-500 dark:text-zinc-400">
        <li>
          {account.disconnected_at
            ? `Disconnected ${formatRelativeTime(account.disconnected_at)}. History is kept.`
            : "Disconnected. History is kept."}
        </li>
      </ul>
    );
  }

  return (
    <ul className="space-y-0.5 text-sm text-neutral-600 dark:text-zinc-300">
      <li className={health.token_refresh_due ? "text-amber-700 dark:text-amber-300" : undefined}>
        {health.token_expires_in_seconds === null
          ? "Token does not expire"
          : formatTokenCountdown(health.token_expires_in_seconds)}
      </li>
      {health.missing_scopes.length > 0 && (
        <li className="text-amber-700 dark:text-amber-300">
          {`Missing permissions: ${health.missing_scopes.join(", ")}`}
        </li>
      )}
      {account.auth_path === "app_password" ? <BlueskyPollHealth account={account} /> : (
        /* Quiet is only worth a warning once webhooks have flowed; a fresh account has none yet. */
        <li
          className={health.webhooks_quiet && health.last_webhook_at
            ? "text-amber-700 dark:text-amber-300"
            : undefined}
        >
          {health.last_webhook_at
            ? `Last webhook ${formatRelativeTime(health.last_webhook_at)}`
            : "No webhooks received yet"}
        </li>
      )}
      {health.last_error && (
        <li className="text-red-700 dark:text-red-300">
          {health.last_error_at
            ? `Last error ${formatRelativeTime(health.last_error_at)}: ${health.last_error}`
            : `Last error: ${health.last_error}`}
        </li>
      )}
    </ul>
  );
}
