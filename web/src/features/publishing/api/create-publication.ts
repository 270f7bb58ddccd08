import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type CreatePublication,
  createPublicationSchema,
  type PublicationResponse,
  publicationResponseSchema,
} from "@dm-desk/shared/contracts/publishing";
import { publishingKeys } from "@/features/publishing/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

/** A draft post for one account (owners and admins). */
export async function createPublication(input: CreatePublication): Promise<PublicationResponse> {
  const body = parseInput(createPublicationSchema, input);
  return await invokeFunction("publishing/posts", publicationResponseSchema, {
    method: "POST",
    body,
  });
}

export function useCreatePublication(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<PublicationResponse, AppError, CreatePublication>({
    mutationFn: createPublication,
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishingKeys.list(imoId) }),
  });
}
