import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import {
  leadListQuerySchema,
  leadListResponseSchema,
} from "@dm-desk/shared/contracts/recruiting-leads";
import type { LeadStatus } from "@dm-desk/shared/schemas/enums";
import type { z } from "zod";
import { leadKeys } from "@/features/leads/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export type GetLeadsInput = { imo_id: string; status?: LeadStatus; cursor?: string };
export type LeadPage = z.infer<typeof leadListResponseSchema>;

/** One page of the IMO's leads, newest first. */
export async function getLeads(input: GetLeadsInput): Promise<LeadPage> {
  parseInput(leadListQuerySchema, input);
  const query: Record<string, string> = { imo_id: input.imo_id };
  if (input.status) query.status = input.status;
  if (input.cursor) query.cursor = input.cursor;
  return await invokeFunction(withQuery("recruiting-leads", query), leadListResponseSchema, {
    method: "GET",
  });
}

export function leadsQueryOptions(imoId: string, status: LeadStatus | undefined) {
  return infiniteQueryOptions({
    queryKey: leadKeys.list(imoId, status),
    queryFn: ({ pageParam }) => getLeads({ imo_id: imoId, status, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    enabled: Boolean(imoId),
  });
}

export function useLeads(imoId: string, status: LeadStatus | undefined) {
  return useInfiniteQuery(leadsQueryOptions(imoId, status));
}
