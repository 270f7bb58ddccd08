import { useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Plug } from "lucide-react";
import {
  type ConnectedAccount,
  useConnectedAccounts,
} from "@/features/channels/api/get-connected-accounts.ts";
import { AccountCard } from "@/features/channels/components/account-card.tsx";
import { DisconnectAccountDialog } from "@/features/channels/components/disconnect-account-dialog.tsx";
import type { ConnectAuthPath } from "@/features/channels/hooks/use-connect-instagram.ts";

type AccountListProps = {
  imoId: string;
  canManage: boolean;
  canConnect: boolean;
  onReconnect: (authPath: ConnectAuthPath) => void;
};

export function AccountList({ imoId, canManage, canConnect, onReconnect }: AccountListProps) {
  const accounts = useConnectedAccounts(imoId);
  const [disconnecting, setDisconnecting] = useState<ConnectedAccount | null>(null);

  if (accounts.status === "pending") return <AccountListSkeleton />;
  if (accounts.status === "error") {
    return (
      <div className="space-y-3">
        <Alert>{`Couldn't load connected accounts. ${accounts.error.message}`}</Alert>
        <Button
          variant="secondary"
          isPending={accounts.isRefetching}
          pendingLabel="Retrying…"
          onClick={() => accounts.refetch()}
        >
          Try again
        </Button>
      </div>
    );
  }
  if (accounts.data.length === 0) {
    return (
      <div className="flex flex-col items-center rounded-lg border border-dashed border-neutral-300 dark:border-zinc-700 px-6 py-10 text-center">
        <Plug className="size-6 text-neutral-400 dark:text-zinc-500" aria-hidden="true" />
        <p className="mt-3 text-sm font-semibold text-neutral-900 dark:text-zinc-50">
          No accounts connected yet
        </p>
        <p className="mt-1 text-sm text-neutral-500 dark:text-zinc-400">
          Connected Instagram accounts show up here with their health.
        </p>
      </div>
    );
  }

  return (
    <>
      <ul
        aria-label="Connected accounts"
        className="divide-y divide-neutral-200 dark:divide-zinc-800 rounded-lg border border-neutral-200 dark:border-zinc-800"
      >
        {accounts.data.map((account) => (
          <AccountCard
            key={account.id}
            account={account}
            canDisconnect={canManage}
            canReconnect={canConnect}
            onDisconnect={setDisconnecting}
            onReconnect={onReconnect}
          />
        ))}
      </ul>
      {disconnecting && (
        <DisconnectAccountDialog
          account={disconnecting}
          onClose={() => setDisconnecting(null)}
        />
      )}
    </>
  );
}

function AccountListSkeleton() {
  return (
    <div
      aria-busy="true"
      className="divide-y divide-neutral-200 dark:divide-zinc-800 rounded-lg border border-neutral-200 dark:border-zinc-800"
    >
      <span className="sr-only">Loading connected accounts…</span>
      {[0, 1].map((row) => (
        <div key={row} className="flex animate-pulse gap-4 px-4 py-4" aria-hidden="true">
          <div className="size-10 rounded-full bg-neutral-200 dark:bg-zinc-700" />
          <div className="flex-1 space-y-2 py-1">
            <div className="h-3.5 w-40 rounded bg-neutral-200 dark:bg-zinc-700" />
            <div className="h-3 w-56 rounded bg-neutral-100 dark:bg-zinc-800" />
            <div className="h-3 w-32 rounded bg-neutral-100 dark:bg-zinc-800" />
          </div>
        </div>
      ))}
    </div>
  );
}
