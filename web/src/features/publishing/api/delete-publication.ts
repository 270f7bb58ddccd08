import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type DeletedPublication,
  deletedPublicationSchema,
} from "@dm-desk/shared/contracts/publishing";
import { publishingKeys } from "@/features/publishing/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** Deletes a draft, scheduled or failed post (a published one stays listed). */
export async function deletePublication(id: string): Promise<DeletedPublication> {
  return await invokeFunction(
    `publishing/posts/${encodeURIComponent(id)}/delete`,
    deletedPublicationSchema,
    { method: "POST", body: {} },
  );
}

export function useDeletePublication(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<DeletedPublication, AppError, string>({
    mutationFn: deletePublication,
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishingKeys.list(imoId) }),
  });
}
