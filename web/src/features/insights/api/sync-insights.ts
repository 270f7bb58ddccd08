import { useMutation, type UseMutationOptions, useQueryClient } from "@tanstack/react-query";
import {
  type InsightsSyncBody,
  insightsSyncBodySchema,
  type InsightsSyncResult,
  insightsSyncResultSchema,
} from "@dm-desk/shared/contracts/insights";
import { insightsKeys } from "@/features/insights/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

/** "Sync now": the last closed hour of the IMO's accounts, stored at once. */
export async function syncInsights(input: InsightsSyncBody): Promise<InsightsSyncResult> {
  const body = parseInput(insightsSyncBodySchema, input);
  return await invokeFunction("insights/sync", insightsSyncResultSchema, { method: "POST", body });
}

type Options = Omit<
  UseMutationOptions<InsightsSyncResult, AppError, InsightsSyncBody>,
  "mutationFn"
>;

export function useSyncInsights(options: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation<InsightsSyncResult, AppError, InsightsSyncBody>({
    ...options,
    mutationFn: syncInsights,
    onSuccess: async (...args) => {
      // the series, the last syncs and the health console all change
      await queryClient.invalidateQueries({ queryKey: insightsKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["connection-health"] });
      await options.onSuccess?.(...args);
    },
  });
}
