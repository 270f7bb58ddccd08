import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import {
  type OAuthInitInput,
  oauthInitInputSchema,
  type OAuthInitResponse,
  oauthInitResponseSchema,
} from "@dm-desk/shared/contracts/instagram-connect";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export const startInstagramConnectInputSchema = oauthInitInputSchema;
export type StartInstagramConnectInput = OAuthInitInput;

// Asks for Meta's consent dialog URL; the caller sends the browser there.
export async function startInstagramConnect(
  input: StartInstagramConnectInput,
): Promise<OAuthInitResponse> {
  const body = parseInput(startInstagramConnectInputSchema, input);
  return await invokeFunction("instagram-oauth-init", oauthInitResponseSchema, {
    method: "POST",
    body,
  });
}

type UseStartInstagramConnectOptions = Omit<
  UseMutationOptions<OAuthInitResponse, AppError, StartInstagramConnectInput>,
  "mutationFn"
>;

export function useStartInstagramConnect(options: UseStartInstagramConnectOptions = {}) {
  return useMutation<OAuthInitResponse, AppError, StartInstagramConnectInput>({
    ...options,
    mutationFn: startInstagramConnect,
  });
}
