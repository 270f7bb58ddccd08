import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type PublicationResponse,
  publicationResponseSchema,
} from "@dm-desk/shared/contracts/publishing";
import { publishingKeys } from "@/features/publishing/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** A scheduled post back to a draft. */
export async function unschedulePublication(id: string): Promise<PublicationResponse> {
  return await invokeFunction(
    `publishing/posts/${encodeURIComponent(id)}/unschedule`,
    publicationResponseSchema,
    { method: "POST", body: {} },
  );
}

export function useUnschedulePublication(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<PublicationResponse, AppError, string>({
    mutationFn: unschedulePublication,
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishingKeys.list(imoId) }),
  });
}
