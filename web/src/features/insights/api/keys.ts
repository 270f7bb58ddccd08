import type { InsightsQuery } from "@dm-desk/shared/contracts/insights";

export type InsightsFilters = Pick<InsightsQuery, "platform" | "period" | "hours" | "days">;

export const insightsKeys = {
  all: ["insights"] as const,
  series: (imoId: string, filters: InsightsFilters) =>
    [...insightsKeys.all, imoId, "series", filters] as const,
  syncs: (imoId: string) => [...insightsKeys.all, imoId, "syncs"] as const,
};
