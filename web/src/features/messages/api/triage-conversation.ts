import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type TriageRequest,
  triageRequestSchema,
  type TriageResponse,
  triageResponseSchema,
} from "@dm-desk/shared/contracts/inbox-conversations";
import { inboxKeys } from "@/features/messages/api/keys.ts";
import { patchConversation, shiftUnreadBadge } from "@/features/messages/utils/inbox-cache.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type TriageConversationInput = TriageRequest;

/** Mark read, priority, assignment or archive; answers the conversation as the inbox lists it. */
export async function triageConversation(input: TriageConversationInput): Promise<TriageResponse> {
  const body = parseInput(triageRequestSchema, input);
  return await invokeFunction("conversation-triage", triageResponseSchema, {
    method: "POST",
    body,
  });
}

/**
 * The answer replaces the conversation in every cached list, and the account's unread badge
 * moves by what the change did; an archive or a new assignee can take it out of a filtered list,
 * so those lists are refetched as well.
 */
export function useTriageConversation(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<TriageResponse, AppError, TriageConversationInput>({
    mutationFn: triageConversation,
    onSuccess: async ({ conversation }, input) => {
      let before = 0;
      const wasCached = patchConversation(queryClient, imoId, conversation.id, (cached) => {
        before = cached.unread_count;
        return conversation;
      });
      if (wasCached) {
        shiftUnreadBadge(queryClient, imoId, conversation.channel_account_id, {
          conversations: Number(conversation.unread_count > 0) - Number(before > 0),
          messages: conversation.unread_count - before,
        });
      }
      if (input.action === "archive" || input.action === "assign") {
        await queryClient.invalidateQueries({ queryKey: inboxKeys.conversationLists(imoId) });
      }
    },
    onError: (error, input) => {
      // Marking read happens on its own when a conversation opens: a failure there is not news.
      if (input.action !== "mark_read") toast.error(error.message);
    },
  });
}
