import { Button } from "@/components/ui/button.tsx";
import { BlueskyIcon, FacebookIcon, InstagramIcon } from "@/components/ui/brand-icons.tsx";
import type { ConnectedAccount } from "@/features/channels/api/get-connected-accounts.ts";
import { AccountHealth } from "@/features/channels/components/account-health.tsx";
import { AccountStatusBadge } from "@/features/channels/components/account-status-badge.tsx";
import type { ConnectAuthPath } from "@/features/channels/hooks/use-connect-instagram.ts";

type AccountCardProps = {
  account: ConnectedAccount;
  canDisconnect: boolean;
  canReconnect: boolean;
  onDisconnect: (account: ConnectedAccount) => void;
  onReconnect: (authPath: ConnectAuthPath) => void;
};

const PLATFORM_ICONS = { instagram: InstagramIcon, facebook: FacebookIcon, bluesky: BlueskyIcon };
const PLATFORM_NAMES = { instagram: "Instagram", facebook: "Facebook", bluesky: "Bluesky" };

export function accountLabel(account: ConnectedAccount): string {
  // Instagram and Bluesky handles read as @handle; a Facebook Page is known by its name.
  if (account.platform !== "facebook" && account.username) return `@${account.username}`;
  return account.username ?? account.display_name ?? account.external_account_id;
}

export function AccountCard(props: AccountCardProps) {
  const { account } = props;
  const label = accountLabel(account);
  const PlatformIcon = PLATFORM_ICONS[account.platform];
  const reconnectPath = account.auth_path === "app_password" ? undefined : account.auth_path;
  const showReconnect = reconnectPath !== undefined &&
    (account.health.needs_reconnect || account.status === "disconnected");

  return (
    <li aria-label={label} className="flex gap-4 px-4 py-4">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-neutral-100 dark:bg-zinc-800 text-neutral-700 dark:text-zinc-200">
        <PlatformIcon className="size-5" />
        <span className="sr-only">
          {PLATFORM_NAMES[account.platform]}
        </span>
      </span>
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <span className="truncate font-medium text-neutral-900 dark:text-zinc-50">{label}</span>
          <AccountStatusBadge status={account.status} />
          {account.health.needs_reconnect && (
            <span className="inline-flex items-center rounded-full bg-red-50 dark:bg-red-950/60 px-2 py-0.5 text-xs font-medium text-red-700 dark:text-red-300 ring-1 ring-red-600/20 ring-inset">
              Reconnect needed
            </span>
          )}
        </div>
        {account.display_name && account.display_name !== account.username && (
          <p className="text-sm text-neutral-500 dark:text-zinc-400">{account.display_name}</p>
        )}
        <AccountHealth account={account} />
      </div>
      <div className="flex shrink-0 flex-col items-end gap-2 sm:flex-row sm:items-start">
        {showReconnect && (
          <Button
            size="sm"
            variant="secondary"
            disabled={!props.canReconnect}
            onClick={() => props.onReconnect(reconnectPath)}
          >
            Reconnect
          </Button>
        )}
        {account.status !== "disconnected" && (
          <Button
            size="sm"
            variant="dangerOutline"
            disabled={!props.canDisconnect}
            aria-label={`Disconnect ${label}`}
            onClick={() => props.onDisconnect(account)}
          >
            Disconnect
          </Button>
        )}
      </div>
    </li>
  );
}
