import type { ConnectedAccount } from "@/features/channels/api/get-connected-accounts.ts";
import { formatRelativeTime } from "@/features/channels/utils/format-time.ts";

/**
 * A Bluesky account is read every minute rather than called by webhooks: its health line says
 * when it was last read, whether it may read DMs, and warns when reading has stopped.
 */
export function BlueskyPollHealth({ account }: { account: ConnectedAccount }) {
  const canReadDms = account.scopes.includes("com.atproto.appPassPrivileged");
  return (
    <>
      <li className={account.health.webhooks_quiet ? "text-amber-700" : undefined}>
        {account.last_polled_at
          ? `Mentions and DMs checked ${formatRelativeTime(account.last_polled_at)}`
          : "Not checked yet"}
      </li>
      {!canReadDms && (
        <li className="text-amber-700">
          This app password cannot read DMs: connect again with one that allows direct messages.
        </li>
      )}
    </>
  );
}
