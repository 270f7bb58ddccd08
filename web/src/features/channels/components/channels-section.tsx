import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import { AccountList } from "@/features/channels/components/account-list.tsx";
import { BlueskyConnectForm } from "@/features/channels/components/bluesky-connect-form.tsx";
import { ConnectActions } from "@/features/channels/components/connect-actions.tsx";
import { useConnectInstagram } from "@/features/channels/hooks/use-connect-instagram.ts";
import { channelPermissions } from "@/features/channels/utils/permissions.ts";

export function ChannelsSection({ workspace }: { workspace: MyWorkspace }) {
  const { canManage, canConnect } = channelPermissions(workspace);
  // One connect flow for the header buttons and every account's Reconnect.
  const connect = useConnectInstagram(workspace.imo_id);

  return (
    <section aria-labelledby="channels-heading" className="space-y-5">
      <div>
        <h2
          id="channels-heading"
          className="text-base font-semibold text-neutral-900 dark:text-zinc-50"
        >
          Channels
        </h2>
        <p className="mt-1 text-sm text-neutral-500 dark:text-zinc-400">
          The Instagram and Bluesky accounts your team answers messages from.
        </p>
      </div>
      <ConnectActions
        workspace={workspace}
        pendingPath={connect.pendingPath}
        errorMessage={connect.errorMessage}
        onConnect={connect.connect}
      />
      <BlueskyConnectForm workspace={workspace} />
      <AccountList
        imoId={workspace.imo_id}
        canManage={canManage}
        canConnect={canConnect && connect.pendingPath === undefined}
        onReconnect={connect.connect}
      />
    </section>
  );
}
