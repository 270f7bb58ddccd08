import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import {
  conversationListQuerySchema,
  type ConversationListResponse,
  conversationListResponseSchema,
} from "@dm-desk/shared/contracts/inbox-conversations";
import { type ConversationFilters, inboxKeys } from "@/features/messages/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export type GetConversationsInput = ConversationFilters & { imo_id: string; cursor?: string };

/** One page of the inbox, newest first, with the unread badges of every account. */
export async function getConversations(
  input: GetConversationsInput,
): Promise<ConversationListResponse> {
  // Checked with the server's own schema, then sent as typed: the cursor stays opaque text.
  parseInput(conversationListQuerySchema, input);
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined && value !== "") query[name] = String(value);
  }
  return await invokeFunction(
    withQuery("instagram-get-conversations", query),
    conversationListResponseSchema,
    { method: "GET" },
  );
}

export function conversationsQueryOptions(imoId: string, filters: ConversationFilters) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.conversationList(imoId, filters),
    queryFn: ({ pageParam }) =>
      getConversations({ ...filters, imo_id: imoId, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    enabled: Boolean(imoId),
  });
}

export function useConversations(imoId: string, filters: ConversationFilters) {
  return useInfiniteQuery(conversationsQueryOptions(imoId, filters));
}
