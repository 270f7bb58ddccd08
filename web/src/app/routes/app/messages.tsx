import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { LoadError } from "@/components/ui/load-error.tsx";
import { useSession } from "@/features/auth/hooks/use-session.ts";
import { useConnectedAccounts } from "@/features/channels/api/get-connected-accounts.ts";
import { channelPermissions } from "@/features/channels/utils/permissions.ts";
import { LeadAction } from "@/features/leads/components/lead-action.tsx";
import { useMembers } from "@/features/members/api/get-members.ts";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import { ConnectCard } from "@/features/messages/components/connect-card.tsx";
import { Inbox } from "@/features/messages/components/inbox.tsx";
import { UpgradePrompt } from "@/features/messages/components/upgrade-prompt.tsx";
import { useCurrentWorkspace } from "@/features/workspaces/hooks/use-current-workspace.ts";

// The route composes the inbox from the features it needs: accounts (channels), people to assign
// (members), "Create lead" (leads). The messages feature itself knows none of them.
export function MessagesRoute() {
  const { workspace } = useCurrentWorkspace();
  // WorkspaceGate renders routes only once a workspace is known.
  if (!workspace) return null;
  if (workspace.features.instagram_messaging !== true) {
    return (
      <MessagesPage title>
        <UpgradePrompt planName={workspace.plan_name} isOwner={workspace.role === "owner"} />
      </MessagesPage>
    );
  }
  return (
    <MessagesPage>
      <ConnectedInbox
        key={workspace.imo_id}
        imoId={workspace.imo_id}
        canConnect={channelPermissions(workspace).canConnect}
        canUseTemplates={workspace.features.instagram_templates === true}
        canSchedule={workspace.features.instagram_scheduled_messages === true}
        canManageAll={workspace.role === "owner" || workspace.role === "admin"}
      />
    </MessagesPage>
  );
}

// One <title> at a time: the inbox writes its own, with the unread count.
function MessagesPage({ children, title = false }: { children: ReactNode; title?: boolean }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col bg-white dark:bg-zinc-950">
      {title && <title>Messages · DM Desk</title>}
      <PageHeader title="Messages" />
      {children}
    </div>
  );
}

type ConnectedInboxProps = {
  imoId: string;
  canConnect: boolean;
  canUseTemplates: boolean;
  canSchedule: boolean;
  canManageAll: boolean;
};

function ConnectedInbox(props: ConnectedInboxProps) {
  const { imoId, canConnect } = props;
  const queryClient = useQueryClient();
  const { session } = useSession();
  const accounts = useConnectedAccounts(imoId);
  const members = useMembers(imoId);
  const userId = session?.user.id ?? "";

  if (accounts.status === "pending") {
    return (
      <div role="status" aria-label="Loading the inbox" className="space-y-2 p-4">
        <title>Messages · DM Desk</title>
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-4 w-80" />
      </div>
    );
  }
  if (accounts.status === "error") {
    return (
      <div className="p-4">
        <title>Messages · DM Desk</title>
        <LoadError
          message={`Couldn't load your Instagram accounts. ${accounts.error.message}`}
          isRetrying={accounts.isRefetching}
          onRetry={() => void accounts.refetch()}
        />
      </div>
    );
  }
  // Instagram and Bluesky share the inbox (Facebook Pages answer through their Instagram account)
  const inboxAccounts = accounts.data.filter((account) => account.platform !== "facebook");
  // A disconnected account keeps its history, so the inbox still opens for it.
  if (!inboxAccounts.length) {
    return (
      <>
        <title>Messages · DM Desk</title>
        <ConnectCard canConnect={canConnect} />
      </>
    );
  }

  const memberList = members.data?.members ?? [];
  const me = memberList.find((m) => m.user_id === userId);
  return (
    <Inbox
      imoId={imoId}
      accounts={inboxAccounts}
      members={memberList}
      viewer={{
        userId,
        displayName: me?.display_name ?? me?.email ?? null,
        canManageAll: props.canManageAll,
      }}
      canUseTemplates={props.canUseTemplates}
      canSchedule={props.canSchedule}
      renderLeadAction={(conversation) => (
        <LeadAction
          imoId={imoId}
          conversationId={conversation.id}
          lead={conversation.lead}
          // the conversation now carries the lead's badge and name
          onCreated={() =>
            void queryClient.invalidateQueries({ queryKey: inboxKeys.conversationLists(imoId) })}
        />
      )}
    />
  );
}
