import {
  type InfiniteData,
  type QueryClient,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import { toast } from "sonner";
import {
  leadResponseSchema,
  type UpdateLead,
  updateLeadSchema,
} from "@dm-desk/shared/contracts/recruiting-leads";
import type { RecruitingLead } from "@dm-desk/shared/schemas/recruiting-lead";
import type { LeadPage } from "@/features/leads/api/get-leads.ts";
import { leadKeys } from "@/features/leads/api/keys.ts";
import { LEAD_STATUS_LABELS } from "@/features/leads/utils/lead-labels.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type UpdateLeadInput = UpdateLead;

/** A change to a lead: its status, notes, owner or contact details (any member of its IMO). */
export async function updateLead(input: UpdateLeadInput): Promise<RecruitingLead> {
  const body = parseInput(updateLeadSchema, input);
  const { lead } = await invokeFunction("recruiting-leads", leadResponseSchema, {
    method: "PATCH",
    body,
  });
  return lead;
}

type LeadPages = InfiniteData<LeadPage, string | null>;

/** Applies `change` to the lead in every cached list of the IMO (each filter has its own). */
function patchCachedLead(
  queryClient: QueryClient,
  imoId: string,
  leadId: string,
  change: (lead: RecruitingLead) => RecruitingLead,
) {
  queryClient.setQueriesData<LeadPages>({ queryKey: leadKeys.lists(imoId) }, (data) => {
    if (!data?.pages.some((page) => page.leads.some((lead) => lead.id === leadId))) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        leads: page.leads.map((lead) => lead.id === leadId ? change(lead) : lead),
      })),
    };
  });
}

function findCachedLead(queryClient: QueryClient, imoId: string, leadId: string) {
  for (
    const [, data] of queryClient.getQueriesData<LeadPages>({ queryKey: leadKeys.lists(imoId) })
  ) {
    const lead = data?.pages.flatMap((page) => page.leads).find((lead) => lead.id === leadId);
    if (lead) return lead;
  }
  return undefined;
}

const updateLeadKey = [...leadKeys.all, "update"] as const;

/**
 * A new status shows at once in every list; a refusal puts the old one back and says why. The
 * lists are fetched again afterwards, so a status filter drops a lead that no longer matches.
 */
export function useUpdateLead(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<RecruitingLead, AppError, UpdateLeadInput, { previous?: RecruitingLead }>({
    mutationKey: updateLeadKey,
    mutationFn: updateLead,
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: leadKeys.lists(imoId) });
      const previous = findCachedLead(queryClient, imoId, input.id);
      const { status } = input;
      if (status) patchCachedLead(queryClient, imoId, input.id, (lead) => ({ ...lead, status }));
      return { previous };
    },
    onError: (error, input, context) => {
      const previous = context?.previous;
      // unless a later change has replaced this one meanwhile
      if (previous && input.status) {
        patchCachedLead(
          queryClient,
          imoId,
          input.id,
          (lead) => lead.status === input.status ? { ...lead, status: previous.status } : lead,
        );
      }
      const what = input.status
        ? `${previous ? `${previous.full_name}'s` : "the lead's"} status to ${
          LEAD_STATUS_LABELS[input.status]
        }`
        : previous
        ? previous.full_name
        : "the lead";
      toast.error(`Couldn't change ${what}: ${error.message}`);
    },
    onSuccess: (lead) => patchCachedLead(queryClient, imoId, lead.id, () => lead),
    onSettled: async () => {
      // a list fetched while another change is still on its way would show that one undone
      if (queryClient.isMutating({ mutationKey: updateLeadKey }) === 1) {
        await queryClient.invalidateQueries({ queryKey: leadKeys.lists(imoId) });
      }
    },
  });
}
