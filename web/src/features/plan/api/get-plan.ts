import { queryOptions, useQuery } from "@tanstack/react-query";
import { type PlanResponse, planResponseSchema } from "@dm-desk/shared/contracts/workspaces";
import { planKeys } from "@/features/plan/api/keys.ts";
import { invokeFunction } from "@/lib/functions.ts";

export async function getPlan(imoId: string): Promise<PlanResponse> {
  return await invokeFunction(`workspaces/${imoId}/plan`, planResponseSchema, { method: "GET" });
}

export function planQueryOptions(imoId: string) {
  return queryOptions({
    queryKey: planKeys.detail(imoId),
    queryFn: () => getPlan(imoId),
    enabled: Boolean(imoId),
  });
}

export function usePlan(imoId: string) {
  return useQuery(planQueryOptions(imoId));
}
