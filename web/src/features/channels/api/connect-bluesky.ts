import { useMutation, type UseMutationOptions, useQueryClient } from "@tanstack/react-query";
import {
  type BlueskyConnectRequest,
  blueskyConnectRequestSchema,
  type BlueskyConnectResponse,
  blueskyConnectResponseSchema,
} from "@dm-desk/shared/contracts/bluesky";
import { channelKeys } from "@/features/channels/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type ConnectBlueskyInput = BlueskyConnectRequest;

/** Connects a Bluesky account with its handle and an app password (bluesky-connect). */
export async function connectBluesky(input: ConnectBlueskyInput): Promise<BlueskyConnectResponse> {
  const body = parseInput(blueskyConnectRequestSchema, input);
  return await invokeFunction("bluesky-connect", blueskyConnectResponseSchema, {
    method: "POST",
    body,
  });
}

type UseConnectBlueskyOptions = Omit<
  UseMutationOptions<BlueskyConnectResponse, AppError, ConnectBlueskyInput>,
  "mutationFn"
>;

export function useConnectBluesky(options: UseConnectBlueskyOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<BlueskyConnectResponse, AppError, ConnectBlueskyInput>({
    ...options,
    mutationFn: connectBluesky,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: channelKeys.all });
      await options.onSuccess?.(...args);
    },
  });
}
