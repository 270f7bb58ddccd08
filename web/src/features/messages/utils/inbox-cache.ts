import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type {
  ConversationListResponse,
  InboxConversation,
} from "@dm-desk/shared/contracts/inbox-conversations";
import type { ThreadMessage } from "@dm-desk/shared/contracts/inbox-messages";
import { inboxKeys } from "@/features/messages/api/keys.ts";

/**
 * A message as the thread cache holds it: the server's, or one this browser is still sending.
 * `client_message_id` ties the optimistic entry to the row the server (or a broadcast) returns;
 * `is_local` marks an entry the server may never have stored, so a retry resends it by that key.
 */
export type ThreadEntry = ThreadMessage & { client_message_id?: string | null; is_local?: boolean };
export type ThreadPage = { messages: ThreadEntry[]; next_cursor: string | null };
export type ThreadPages = InfiniteData<ThreadPage, string | null>;
export type ConversationPages = InfiniteData<ConversationListResponse, string | null>;

/**
 * Applies `change` to the conversation wherever a cached list holds it, and to the open
 * conversation's entry; true if a list held it.
 */
export function patchConversation(
  queryClient: QueryClient,
  imoId: string,
  conversationId: string,
  change: (conversation: InboxConversation) => InboxConversation,
): boolean {
  let found = false;
  queryClient.setQueriesData<ConversationPages>(
    { queryKey: inboxKeys.conversationLists(imoId) },
    (data) => {
      if (!data) return data;
      let touched = false;
      const pages = data.pages.map((page) => ({
        ...page,
        conversations: page.conversations.map((conversation) => {
          if (conversation.id !== conversationId) return conversation;
          touched = true;
          return change(conversation);
        }),
      }));
      found ||= touched;
      return touched ? { ...data, pages } : data;
    },
  );
  queryClient.setQueryData<InboxConversation>(
    inboxKeys.openConversation(imoId, conversationId),
    (open) => open && change(open),
  );
  return found;
}

/** Moves the unread badges of one account by `delta` conversations and messages in every list. */
export function shiftUnreadBadge(
  queryClient: QueryClient,
  imoId: string,
  channelAccountId: string,
  delta: { conversations: number; messages: number },
) {
  if (!delta.conversations && !delta.messages) return;
  queryClient.setQueriesData<ConversationPages>(
    { queryKey: inboxKeys.conversationLists(imoId) },
    (data) => {
      const first = data?.pages[0];
      if (!data || !first) return data;
      const others = first.unread_by_account.filter((row) =>
        row.channel_account_id !== channelAccountId
      );
      const current = first.unread_by_account.find((row) =>
        row.channel_account_id === channelAccountId
      );
      const conversations = (current?.unread_conversations ?? 0) + delta.conversations;
      const messages = (current?.unread_messages ?? 0) + delta.messages;
      const unread_by_account = conversations > 0 && messages > 0
        ? [...others, {
          channel_account_id: channelAccountId,
          unread_conversations: conversations,
          unread_messages: messages,
        }]
        : others;
      return { ...data, pages: [{ ...first, unread_by_account }, ...data.pages.slice(1)] };
    },
  );
}

/** The conversation with its unread count set, and the account's badge moved to match. */
export function setUnreadCount(
  queryClient: QueryClient,
  imoId: string,
  conversation: Pick<InboxConversation, "id" | "channel_account_id" | "unread_count">,
  unreadCount: number,
) {
  patchConversation(
    queryClient,
    imoId,
    conversation.id,
    (c) => ({ ...c, unread_count: unreadCount }),
  );
  shiftUnreadBadge(queryClient, imoId, conversation.channel_account_id, {
    conversations: Number(unreadCount > 0) - Number(conversation.unread_count > 0),
    messages: unreadCount - conversation.unread_count,
  });
}

/**
 * Puts `message` in the cached thread: replacing the entry with its id or its client_message_id
 * (an optimistic one), or else as the newest. Does nothing when the thread is not cached: it is
 * fetched whole when opened.
 */
export function upsertThreadMessage(
  queryClient: QueryClient,
  imoId: string,
  message: ThreadEntry,
) {
  queryClient.setQueryData<ThreadPages>(
    inboxKeys.thread(imoId, message.conversation_id),
    (data) => {
      if (!data) return data;
      const matches = (entry: ThreadEntry) =>
        entry.id === message.id ||
        (Boolean(message.client_message_id) &&
          entry.client_message_id === message.client_message_id);
      let replaced = false;
      const pages = data.pages.map((page) => ({
        ...page,
        messages: page.messages.map((entry) => {
          if (!matches(entry)) return entry;
          replaced = true;
          return {
            ...message,
            client_message_id: message.client_message_id ?? entry.client_message_id,
          };
        }),
      }));
      if (replaced) return { ...data, pages };
      const [first, ...rest] = pages;
      if (!first) return data;
      return { ...data, pages: [{ ...first, messages: [message, ...first.messages] }, ...rest] };
    },
  );
}

/** Rewrites the cached thread's messages page by page; nothing when the thread is not cached. */
function mapThread(
  queryClient: QueryClient,
  imoId: string,
  conversationId: string,
  change: (messages: ThreadEntry[]) => ThreadEntry[],
) {
  queryClient.setQueryData<ThreadPages>(inboxKeys.thread(imoId, conversationId), (data) => {
    if (!data) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({ ...page, messages: change(page.messages) })),
    };
  });
}

/** Changes one cached message in place (a retry that starts, say). */
export function patchThreadMessage(
  queryClient: QueryClient,
  imoId: string,
  conversationId: string,
  messageId: string,
  change: (message: ThreadEntry) => ThreadEntry,
) {
  mapThread(
    queryClient,
    imoId,
    conversationId,
    (messages) => messages.map((entry) => (entry.id === messageId ? change(entry) : entry)),
  );
}

/** Drops a message from the cached thread (deleted upstream). */
export function removeThreadMessage(
  queryClient: QueryClient,
  imoId: string,
  conversationId: string,
  messageId: string,
) {
  mapThread(
    queryClient,
    imoId,
    conversationId,
    (messages) => messages.filter((entry) => entry.id !== messageId),
  );
}
