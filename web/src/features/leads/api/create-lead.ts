import { useMutation, type UseMutationOptions, useQueryClient } from "@tanstack/react-query";
import {
  type CreateLead,
  createLeadSchema,
  leadResponseSchema,
} from "@dm-desk/shared/contracts/recruiting-leads";
import type { RecruitingLead } from "@dm-desk/shared/schemas/recruiting-lead";
import { leadKeys } from "@/features/leads/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type CreateLeadInput = CreateLead;

/** A new lead; from a conversation it is linked both ways and its source is instagram_dm. */
export async function createLead(input: CreateLeadInput): Promise<RecruitingLead> {
  const body = parseInput(createLeadSchema, input);
  const { lead } = await invokeFunction("recruiting-leads", leadResponseSchema, {
    method: "POST",
    body,
  });
  return lead;
}

type UseCreateLeadOptions = Omit<
  UseMutationOptions<RecruitingLead, AppError, CreateLeadInput>,
  "mutationFn"
>;

export function useCreateLead(options: UseCreateLeadOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<RecruitingLead, AppError, CreateLeadInput>({
    ...options,
    mutationFn: createLead,
    onSuccess: async (lead, ...rest) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: leadKeys.lists(lead.imo_id) }),
        lead.conversation_id
          ? queryClient.invalidateQueries({ queryKey: leadKeys.prefill(lead.conversation_id) })
          : undefined,
      ]);
      await options.onSuccess?.(lead, ...rest);
    },
  });
}
