import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type AiSettings,
  type AiSettingsResponse,
  aiSettingsResponseSchema,
  aiSettingsSchema,
} from "@dm-desk/shared/contracts/ai-assistant";
import { aiSettingsKeys } from "@/features/ai-settings/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

/** Saves the IMO's AI settings (owners and admins). */
export async function saveAiSettings(
  imoId: string,
  settings: AiSettings,
): Promise<AiSettingsResponse> {
  const body = parseInput(aiSettingsSchema, settings);
  return await invokeFunction(`ai-assistant/settings/${imoId}`, aiSettingsResponseSchema, {
    method: "PATCH",
    body,
  });
}

export function useSaveAiSettings(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<AiSettingsResponse, AppError, AiSettings>({
    mutationFn: (settings) => saveAiSettings(imoId, settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(aiSettingsKeys.detail(imoId), saved);
      toast.success("AI settings saved");
    },
    onError: (error) => toast.error(error.message),
  });
}
