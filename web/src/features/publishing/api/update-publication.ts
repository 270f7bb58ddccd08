import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type PublicationResponse,
  publicationResponseSchema,
  type UpdatePublication,
  updatePublicationSchema,
} from "@dm-desk/shared/contracts/publishing";
import { publishingKeys } from "@/features/publishing/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type UpdatePublicationInput = UpdatePublication & { id: string };

/** Changes a post that has not gone out; a failed one becomes a draft again. */
export async function updatePublication(
  { id, ...input }: UpdatePublicationInput,
): Promise<PublicationResponse> {
  const body = parseInput(updatePublicationSchema, input);
  return await invokeFunction(
    `publishing/posts/${encodeURIComponent(id)}`,
    publicationResponseSchema,
    { method: "PATCH", body },
  );
}

export function useUpdatePublication(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<PublicationResponse, AppError, UpdatePublicationInput>({
    mutationFn: updatePublication,
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishingKeys.list(imoId) }),
  });
}
