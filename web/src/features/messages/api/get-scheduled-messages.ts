import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  scheduledMessageListQuerySchema,
  scheduledMessageListResponseSchema,
} from "@dm-desk/shared/contracts/scheduled-messages";
import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import { nextScheduledCheckMs } from "@/features/messages/utils/scheduled-status.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

/** A conversation's scheduled messages: pending ones first, soonest first, then the rest. */
export async function getScheduledMessages(conversationId: string): Promise<ScheduledMessage[]> {
  const query = parseInput(scheduledMessageListQuerySchema, { conversation_id: conversationId });
  const { scheduled_messages } = await invokeFunction(
    withQuery("scheduled-messages", query),
    scheduledMessageListResponseSchema,
    { method: "GET" },
  );
  return scheduled_messages;
}

export function scheduledMessagesQueryOptions(
  imoId: string,
  conversationId: string,
  isEnabled: boolean,
) {
  return queryOptions({
    queryKey: inboxKeys.scheduled(imoId, conversationId),
    queryFn: () => getScheduledMessages(conversationId),
    enabled: Boolean(imoId && conversationId) && isEnabled,
    // A sent or failed one arrives with its message's Realtime event; one that expires changes no
    // message, so the list looks again once a pending time has passed.
    refetchInterval: (query) => nextScheduledCheckMs(query.state.data ?? [], new Date()),
  });
}

export function useScheduledMessages(imoId: string, conversationId: string, isEnabled: boolean) {
  return useQuery(scheduledMessagesQueryOptions(imoId, conversationId, isEnabled));
}
