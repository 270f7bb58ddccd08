import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  insightsSyncsQuerySchema,
  type InsightsSyncsResponse,
  insightsSyncsResponseSchema,
} from "@dm-desk/shared/contracts/insights";
import { insightsKeys } from "@/features/insights/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export type InsightsSync = InsightsSyncsResponse["syncs"][number];

/** When each account's insights were last synced, and what Meta no longer served. */
export async function getInsightsSyncs(input: { imo_id: string }): Promise<InsightsSync[]> {
  const { imo_id } = parseInput(insightsSyncsQuerySchema, input);
  const { syncs } = await invokeFunction(
    withQuery("insights/syncs", { imo_id }),
    insightsSyncsResponseSchema,
    { method: "GET" },
  );
  return syncs;
}

export function insightsSyncsQueryOptions(imoId: string) {
  return queryOptions({
    queryKey: insightsKeys.syncs(imoId),
    queryFn: () => getInsightsSyncs({ imo_id: imoId }),
  });
}

export function useInsightsSyncs(imoId: string) {
  return useQuery(insightsSyncsQueryOptions(imoId));
}
