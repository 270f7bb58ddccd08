import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import {
  messageListQuerySchema,
  type MessageListResponse,
  messageListResponseSchema,
} from "@dm-desk/shared/contracts/inbox-messages";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export type GetMessagesInput = { conversation_id: string; cursor?: string };

/** One page of a thread, newest first; `next_cursor` reaches further back. */
export async function getMessages(input: GetMessagesInput): Promise<MessageListResponse> {
  parseInput(messageListQuerySchema, input);
  const query: Record<string, string> = { conversation_id: input.conversation_id };
  if (input.cursor) query.cursor = input.cursor;
  return await invokeFunction(
    withQuery("instagram-get-messages", query),
    messageListResponseSchema,
    { method: "GET" },
  );
}

export function threadQueryOptions(imoId: string, conversationId: string) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.thread(imoId, conversationId),
    queryFn: ({ pageParam }) =>
      getMessages({ conversation_id: conversationId, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    enabled: Boolean(imoId && conversationId),
  });
}

export function useThread(imoId: string, conversationId: string) {
  return useInfiniteQuery(threadQueryOptions(imoId, conversationId));
}
