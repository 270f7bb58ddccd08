import { useMutation, type UseMutationOptions, useQueryClient } from "@tanstack/react-query";
import {
  disconnectInputSchema,
  disconnectResponseSchema,
} from "@dm-desk/shared/contracts/instagram-connect";
import { z } from "zod";
import { channelKeys } from "@/features/channels/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export const disconnectAccountInputSchema = disconnectInputSchema;
export type DisconnectAccountInput = z.infer<typeof disconnectAccountInputSchema>;

export const disconnectAccountResponseSchema = disconnectResponseSchema;
export type DisconnectAccountResponse = z.infer<typeof disconnectAccountResponseSchema>;

export async function disconnectAccount(
  input: DisconnectAccountInput,
): Promise<DisconnectAccountResponse> {
  const body = parseInput(disconnectAccountInputSchema, input);
  return await invokeFunction("instagram-disconnect", disconnectAccountResponseSchema, {
    method: "POST",
    body,
  });
}

type UseDisconnectAccountOptions = Omit<
  UseMutationOptions<DisconnectAccountResponse, AppError, DisconnectAccountInput>,
  "mutationFn"
>;

export function useDisconnectAccount(options: UseDisconnectAccountOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<DisconnectAccountResponse, AppError, DisconnectAccountInput>({
    ...options,
    mutationFn: disconnectAccount,
    // Refetch rather than patch the cache: the health block changes with the status too.
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: channelKeys.all });
      await options.onSuccess?.(...args);
    },
  });
}
