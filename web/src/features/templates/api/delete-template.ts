import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteTemplateQuerySchema } from "@dm-desk/shared/contracts/message-templates";
import { z } from "zod";
import { templateKeys } from "@/features/templates/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

export type DeleteTemplateInput = { imoId: string; id: string };

/**
 * An owner's or admin's deletion. The server keeps the row (soft delete) for history and the
 * scheduled messages that point at it, and answers 204 with no body.
 */
export async function deleteTemplate({ id }: DeleteTemplateInput): Promise<void> {
  const query = parseInput(deleteTemplateQuerySchema, { id });
  await invokeFunction(withQuery("message-templates", query), z.unknown(), { method: "DELETE" });
}

/** Settles once the list is fetched again, so whoever closes a dialog on success shows it. */
export function useDeleteTemplate(options: { onSuccess?: () => void }) {
  const queryClient = useQueryClient();
  return useMutation<void, AppError, DeleteTemplateInput>({
    mutationFn: deleteTemplate,
    onSuccess: async (_, { imoId }) => {
      await queryClient.invalidateQueries({ queryKey: templateKeys.list(imoId) });
      options.onSuccess?.();
    },
  });
}
