import { AlertDialog } from "@/components/ui/alert-dialog.tsx";
import { useDisconnectAccount } from "@/features/channels/api/disconnect-account.ts";
import type { ConnectedAccount } from "@/features/channels/api/get-connected-accounts.ts";
import { accountLabel } from "@/features/channels/components/account-card.tsx";

type DisconnectAccountDialogProps = {
  account: ConnectedAccount;
  onClose: () => void;
};

export function DisconnectAccountDialog({ account, onClose }: DisconnectAccountDialogProps) {
  // Closes only once the list has been refetched, so the account never flashes back as
  // "Connected" behind a closing dialog.
  const disconnect = useDisconnectAccount({ onSuccess: onClose });
  const label = accountLabel(account);

  return (
    <AlertDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Disconnect ${label}?`}
      confirmLabel="Disconnect"
      pendingLabel="Disconnecting…"
      isPending={disconnect.isPending}
      error={disconnect.error ? `Couldn't disconnect: ${disconnect.error.message}` : undefined}
      onConfirm={() => disconnect.mutate({ account_id: account.id })}
    >
      <p>
        DM Desk will stop receiving and sending messages for{" "}
        {label}, and its access token is deleted.
      </p>
      <p>
        Conversations and message history are kept. You can reconnect the account at any time to
        pick up where you left off.
      </p>
    </AlertDialog>
  );
}
