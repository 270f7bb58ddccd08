import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  type LeadPrefill,
  leadPrefillQuerySchema,
  leadPrefillSchema,
} from "@dm-desk/shared/contracts/recruiting-leads";
import { leadKeys } from "@/features/leads/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

/** What a lead from this conversation starts from: the contact's names, and any existing lead. */
export async function getLeadPrefill(conversationId: string): Promise<LeadPrefill> {
  const { conversation_id } = parseInput(leadPrefillQuerySchema, {
    conversation_id: conversationId,
  });
  return await invokeFunction(
    withQuery("recruiting-leads/prefill", { conversation_id }),
    leadPrefillSchema,
    { method: "GET" },
  );
}

export function leadPrefillQueryOptions(conversationId: string, isEnabled: boolean) {
  return queryOptions({
    queryKey: leadKeys.prefill(conversationId),
    queryFn: () => getLeadPrefill(conversationId),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useLeadPrefill(conversationId: string, isEnabled: boolean) {
  return useQuery(leadPrefillQueryOptions(conversationId, isEnabled));
}
