import type { ConversationListQuery } from "@dm-desk/shared/contracts/inbox-conversations";

/** The inbox's filters as a list query holds them (the IMO and the cursor are added per page). */
export type ConversationFilters = Omit<ConversationListQuery, "imo_id" | "cursor" | "limit">;

// Everything of one IMO's inbox sits under ["inbox", imoId], so a realtime event or a reconnect
// can refresh all of it (every filtered list, every open thread) with one prefix.
export const inboxKeys = {
  all: ["inbox"] as const,
  imo: (imoId: string) => [...inboxKeys.all, imoId] as const,
  conversationLists: (imoId: string) => [...inboxKeys.imo(imoId), "conversations"] as const,
  conversationList: (imoId: string, filters: ConversationFilters) =>
    [...inboxKeys.conversationLists(imoId), filters] as const,
  /** the open conversation as last listed or changed: it stays open when a list leaves it out */
  openConversation: (imoId: string, conversationId: string) =>
    [...inboxKeys.imo(imoId), "open", conversationId] as const,
  threads: (imoId: string) => [...inboxKeys.imo(imoId), "messages"] as const,
  thread: (imoId: string, conversationId: string) =>
    [...inboxKeys.threads(imoId), conversationId] as const,
  scheduledLists: (imoId: string) => [...inboxKeys.imo(imoId), "scheduled"] as const,
  scheduled: (imoId: string, conversationId: string) =>
    [...inboxKeys.scheduledLists(imoId), conversationId] as const,
  /** a conversation's AI panel (analysis, state, mode, lease, draft) */
  aiPanel: (imoId: string, conversationId: string) =>
    [...inboxKeys.imo(imoId), "ai", conversationId] as const,
};
