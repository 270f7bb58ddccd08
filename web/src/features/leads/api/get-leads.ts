import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import {
  leadListQuerySchema,
  leadListResponseSchema,
} from "@dm-desk/shared/contracts/recruiting-leads";
import type { z } from "zod";
import { type LeadFilters, leadKeys } from "@/features/leads/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export type GetLeadsInput = LeadFilters & { imo_id: string; cursor?: string };
export type LeadPage = z.infer<typeof leadListResponseSchema>;

/** One page of the IMO's leads, newest first, filtered by the server. */
export async function getLeads(input: GetLeadsInput): Promise<LeadPage> {
  parseInput(leadListQuerySchema, input);
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value) query[name] = value;
  }
  return await invokeFunction(withQuery("recruiting-leads", query), leadListResponseSchema, {
    method: "GET",
  });
}

export function leadsQueryOptions(imoId: string, filters: LeadFilters) {
  return infiniteQueryOptions({
    queryKey: leadKeys.list(imoId, filters),
    queryFn: ({ pageParam }) =>
      getLeads({ ...filters, imo_id: imoId, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    enabled: Boolean(imoId),
  });
}

export function useLeads(imoId: string, filters: LeadFilters) {
  return useInfiniteQuery(leadsQueryOptions(imoId, filters));
}
