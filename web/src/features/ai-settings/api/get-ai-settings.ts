import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  type AiSettingsResponse,
  aiSettingsResponseSchema,
} from "@dm-desk/shared/contracts/ai-assistant";
import { aiSettingsKeys } from "@/features/ai-settings/api/keys.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** The IMO's AI settings, the provider that analyses its messages, and whether the caller may edit. */
export async function getAiSettings(imoId: string): Promise<AiSettingsResponse> {
  return await invokeFunction(`ai-assistant/settings/${imoId}`, aiSettingsResponseSchema, {
    method: "GET",
  });
}

export function aiSettingsQueryOptions(imoId: string) {
  return queryOptions({
    queryKey: aiSettingsKeys.detail(imoId),
    queryFn: () => getAiSettings(imoId),
    enabled: Boolean(imoId),
  });
}

export function useAiSettings(imoId: string) {
  return useQuery(aiSettingsQueryOptions(imoId));
}
