import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import { MessagesSquare } from "lucide-react";
import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { Group, Panel, Separator } from "react-resizable-panels";
import { useConversations } from "@/features/messages/api/get-conversations.ts";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import { BlueskyConversationView } from "@/features/messages/components/bluesky-conversation-view.tsx";
import { ChannelTabs } from "@/features/messages/components/channel-tabs.tsx";
import { ConversationView } from "@/features/messages/components/conversation-view.tsx";
import { InboxSidebar } from "@/features/messages/components/inbox-sidebar.tsx";
import { useInboxParams } from "@/features/messages/hooks/use-inbox-params.ts";
import { useInboxRealtime } from "@/features/messages/hooks/use-inbox-realtime.ts";
import type {
  InboxAccount,
  InboxMember,
  InboxViewer,
} from "@/features/messages/utils/inbox-people.ts";
import { useMediaQuery } from "@/hooks/use-media-query.ts";

type InboxProps = {
  imoId: string;
  accounts: InboxAccount[];
  members: InboxMember[];
  viewer: InboxViewer;
  canUseTemplates: boolean;
  canSchedule: boolean;
  renderLeadAction: (conversation: InboxConversation) => ReactNode;
};

/**
 * The Messages page: conversations beside the open one, in resizable panels; below 768 px one
 * panel at a time, with a way back. Live updates come from the IMO's Realtime topic.
 */
export function Inbox(props: InboxProps) {
  const { imoId, accounts } = props;
  const params = useInboxParams();
  const isWide = useMediaQuery("(min-width: 768px)");
  useInboxRealtime(imoId);

  // the sidebar's own query (same key): no second request
  const list = useConversations(imoId, params.filters);
  const conversations = list.data?.pages.flatMap((page) => page.conversations) ?? [];
  const unreadByAccount = new Map(
    (list.data?.pages[0]?.unread_by_account ?? []).map((row) => [
      row.channel_account_id,
      row.unread_conversations,
    ]),
  );
  const totalUnread = [...unreadByAccount.values()].reduce((sum, n) => sum + n, 0);
  const listed = conversations.find((c) => c.id === params.conversationId);
  const selected = useOpenConversation(imoId, params.conversationId, listed);
  const hasBluesky = accounts.some((account) => account.platform === "bluesky");
  // Where the keyboard goes next: into a conversation opened with Enter, or back to its row in the
  // list (on a phone the list comes back in its place; wide, it is beside it)
  const [focus, setFocus] = useState<{ target: "conversation" | "list"; id: string } | null>(null);
  const open = (conversation: InboxConversation, how: "keyboard" | "pointer") => {
    setFocus(how === "keyboard" ? { target: "conversation", id: conversation.id } : null);
    params.openConversation(conversation.id);
  };
  const backToList = () => {
    if (params.conversationId) setFocus({ target: "list", id: params.conversationId });
    if (!isWide) params.openConversation(undefined);
  };
  const conversationFocus = {
    focusOnOpen: focus?.target === "conversation" && focus.id === selected?.id,
    onLeave: backToList,
  };
  const tabAccounts = accounts.filter((account) =>
    params.channel === "all" || (account.platform ?? "instagram") === params.channel
  );

  const sidebar = (
    <div className="flex h-full min-h-0 flex-col">
      {hasBluesky && <ChannelTabs channel={params.channel} onChange={params.setChannel} />}
      <div className="min-h-0 flex-1">
        <InboxSidebar
          imoId={imoId}
          viewerId={props.viewer.userId}
          accounts={tabAccounts}
          unreadByAccount={unreadByAccount}
          accountId={params.accountId}
          search={params.search}
          toggles={params.toggles}
          filters={params.filters}
          selectedId={params.conversationId}
          onAccountChange={params.setAccount}
          onSearchChange={params.setSearch}
          onToggle={params.setToggle}
          category={params.category}
          onCategoryChange={params.setCategory}
          onOpen={open}
          focusRequest={focus?.target === "list" ? focus : undefined}
        />
      </div>
    </div>
  );
  const view = selected?.platform === "bluesky"
    ? (
      <BlueskyConversationView
        key={selected.id}
        imoId={imoId}
        conversation={selected}
        account={accounts.find((a) => a.id === selected.channel_account_id)}
        members={props.members}
        viewer={props.viewer}
        leadAction={props.renderLeadAction(selected)}
        onBack={isWide ? undefined : backToList}
        {...conversationFocus}
      />
    )
    : selected
    ? (
      <ConversationView
        key={selected.id}
        imoId={imoId}
        conversation={selected}
        account={accounts.find((a) => a.id === selected.channel_account_id)}
        members={props.members}
        viewer={props.viewer}
        canUseTemplates={props.canUseTemplates}
        canSchedule={props.canSchedule}
        leadAction={props.renderLeadAction(selected)}
        onBack={isWide ? undefined : backToList}
        {...conversationFocus}
      />
    )
    : (
      <NoConversationOpen
        isMissing={Boolean(params.conversationId) && list.status === "success"}
        onBack={isWide ? undefined : () => params.openConversation(undefined)}
      />
    );

  return (
    <>
      <title>{`${totalUnread ? `(${totalUnread}) ` : ""}Messages · DM Desk`}</title>
      {isWide
        ? (
          <Group orientation="horizontal" className="min-h-0 flex-1">
            <Panel id="inbox-sidebar" defaultSize="30%" minSize="220px" maxSize="50%">
              {sidebar}
            </Panel>
            <Separator className="w-px bg-zinc-200 transition-colors hover:bg-indigo-400 data-[separator=active]:bg-indigo-500 dark:bg-zinc-800" />
            <Panel id="inbox-conversation" minSize="320px">
              {view}
            </Panel>
          </Group>
        )
        : (
          <div className="flex min-h-0 flex-1 flex-col">
            {params.conversationId ? view : sidebar}
          </div>
        )}
    </>
  );
}

/**
 * The open conversation stays open when a refetch leaves it out of a filtered list (read with
 * "Unread" on, archived): its last listed version is kept in the cache, where every change to it
 * (a triage answer, a Realtime event) lands too, until another is opened.
 */
function useOpenConversation(
  imoId: string,
  conversationId: string | undefined,
  listed: InboxConversation | undefined,
) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (listed) queryClient.setQueryData(inboxKeys.openConversation(imoId, listed.id), listed);
  }, [queryClient, imoId, listed]);
  // never fetched: only what a list or a change put there
  const kept = useQuery<InboxConversation>({
    queryKey: inboxKeys.openConversation(imoId, conversationId ?? ""),
    queryFn: skipToken,
  }).data;
  return listed ?? (conversationId ? kept : undefined);
}

function NoConversationOpen({ isMissing, onBack }: { isMissing: boolean; onBack?: () => void }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-2 bg-white p-6 text-center dark:bg-zinc-950">
      {onBack && (
        <button
          type="button"
          onClick={onBack}
          className="text-xs font-medium text-indigo-600 dark:text-indigo-400 underline"
        >
          Back to conversations
        </button>
      )}
      <MessagesSquare className="size-6 text-zinc-400" aria-hidden="true" />
      <p className="text-xs text-zinc-500">
        {isMissing
          ? "This conversation isn't in the list with these filters. Clear the filters to find it."
          : "Pick a conversation to read and reply."}
      </p>
    </div>
  );
}
