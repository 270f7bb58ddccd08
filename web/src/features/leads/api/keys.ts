import type { LeadStatus } from "@dm-desk/shared/schemas/enums";

export const leadKeys = {
  all: ["leads"] as const,
  lists: (imoId: string) => [...leadKeys.all, imoId, "list"] as const,
  list: (imoId: string, status: LeadStatus | undefined) =>
    [...leadKeys.lists(imoId), status ?? "all"] as const,
  prefill: (conversationId: string) => [...leadKeys.all, "prefill", conversationId] as const,
};
