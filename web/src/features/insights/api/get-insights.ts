import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import {
  insightsQuerySchema,
  type InsightsResponse,
  insightsResponseSchema,
} from "@dm-desk/shared/contracts/insights";
import { type InsightsFilters, insightsKeys } from "@/features/insights/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

/** A platform's insights over a range: one point per hour or day, and the range's aggregates. */
export async function getInsights(
  input: InsightsFilters & { imo_id: string },
): Promise<InsightsResponse> {
  parseInput(insightsQuerySchema, input);
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined) query[name] = String(value);
  }
  return await invokeFunction(withQuery("insights", query), insightsResponseSchema, {
    method: "GET",
  });
}

export function insightsQueryOptions(imoId: string, filters: InsightsFilters) {
  return queryOptions({
    queryKey: insightsKeys.series(imoId, filters),
    queryFn: () => getInsights({ ...filters, imo_id: imoId }),
    placeholderData: keepPreviousData,
  });
}

export function useInsights(imoId: string, filters: InsightsFilters) {
  return useQuery(insightsQueryOptions(imoId, filters));
}
