import { useMutation, type UseMutationOptions, useQueryClient } from "@tanstack/react-query";
import {
  type OAuthCompleteInput,
  oauthCompleteInputSchema,
  type OAuthCompleteResponse,
  oauthCompleteResponseSchema,
} from "@dm-desk/shared/contracts/instagram-connect";
import { channelKeys } from "@/features/channels/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export const completeInstagramConnectInputSchema = oauthCompleteInputSchema;
export type CompleteInstagramConnectInput = OAuthCompleteInput;

// Confirms the consent the callback parked; only the session that started the connect may.
export async function completeInstagramConnect(
  input: CompleteInstagramConnectInput,
): Promise<OAuthCompleteResponse> {
  const body = parseInput(completeInstagramConnectInputSchema, input);
  return await invokeFunction("instagram-oauth-complete", oauthCompleteResponseSchema, {
    method: "POST",
    body,
  });
}

type UseCompleteInstagramConnectOptions = Omit<
  UseMutationOptions<OAuthCompleteResponse, AppError, CompleteInstagramConnectInput>,
  "mutationFn"
>;

export function useCompleteInstagramConnect(options: UseCompleteInstagramConnectOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<OAuthCompleteResponse, AppError, CompleteInstagramConnectInput>({
    ...options,
    mutationFn: completeInstagramConnect,
    // The accounts were written by this call: the list must show them.
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: channelKeys.all });
      await options.onSuccess?.(...args);
    },
  });
}
