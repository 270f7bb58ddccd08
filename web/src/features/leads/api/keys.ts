import type { LeadSource, LeadStatus } from "@dm-desk/shared/schemas/enums";

/** The Leads page's filters; the server applies both. */
export type LeadFilters = { status?: LeadStatus; source?: LeadSource };

export const leadKeys = {
  all: ["leads"] as const,
  lists: (imoId: string) => [...leadKeys.all, imoId, "list"] as const,
  list: (imoId: string, filters: LeadFilters) => [...leadKeys.lists(imoId), filters] as const,
  prefill: (conversationId: string) => [...leadKeys.all, "prefill", conversationId] as const,
};
