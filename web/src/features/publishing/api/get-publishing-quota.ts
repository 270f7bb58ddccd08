import { queryOptions, useQuery } from "@tanstack/react-query";
import { type PublishingQuota, publishingQuotaSchema } from "@dm-desk/shared/contracts/publishing";
import { publishingKeys } from "@/features/publishing/api/keys.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** An Instagram account's publishing limit as it stands: posts in the last 24 hours, of how many. */
export async function getPublishingQuota(accountId: string): Promise<PublishingQuota> {
  return await invokeFunction(
    `publishing/accounts/${encodeURIComponent(accountId)}/quota`,
    publishingQuotaSchema,
    { method: "GET" },
  );
}

export function publishingQuotaQueryOptions(imoId: string, accountId: string, enabled: boolean) {
  return queryOptions({
    queryKey: publishingKeys.quota(imoId, accountId),
    queryFn: () => getPublishingQuota(accountId),
    enabled: enabled && Boolean(accountId),
    staleTime: 60_000,
    retry: false,
  });
}

export function usePublishingQuota(imoId: string, accountId: string, enabled: boolean) {
  return useQuery(publishingQuotaQueryOptions(imoId, accountId, enabled));
}
