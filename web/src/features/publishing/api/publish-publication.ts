import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type PublicationResponse,
  publicationResponseSchema,
} from "@dm-desk/shared/contracts/publishing";
import { publishingKeys } from "@/features/publishing/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction } from "@/lib/functions.ts";

/**
 * Publishes now and resolves once the post is out (Instagram: containers, status, publish; a few
 * seconds). A post that does not go out rejects with why; it stays listed as failed with that reason.
 */
export async function publishPublication(id: string): Promise<PublicationResponse> {
  return await invokeFunction(
    `publishing/posts/${encodeURIComponent(id)}/publish`,
    publicationResponseSchema,
    { method: "POST", body: {} },
  );
}

export function usePublishPublication(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<PublicationResponse, AppError, string>({
    mutationFn: publishPublication,
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishingKeys.imo(imoId) }),
  });
}
