import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  templateResponseSchema,
  type UpdateTemplate,
  updateTemplateSchema,
} from "@dm-desk/shared/contracts/message-templates";
import type { MessageTemplate } from "@dm-desk/shared/schemas/message-template";
import { templateKeys } from "@/features/templates/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type UpdateTemplateInput = UpdateTemplate;

/** An owner's or admin's change to a template's name, category or text. */
export async function updateTemplate(input: UpdateTemplateInput): Promise<MessageTemplate> {
  const body = parseInput(updateTemplateSchema, input);
  const { template } = await invokeFunction("message-templates", templateResponseSchema, {
    method: "PATCH",
    body,
  });
  return template;
}

/** Settles once the list is fetched again, so whoever closes a dialog on success shows it. */
export function useUpdateTemplate(options: { onSuccess?: (template: MessageTemplate) => void }) {
  const queryClient = useQueryClient();
  return useMutation<MessageTemplate, AppError, UpdateTemplateInput>({
    mutationFn: updateTemplate,
    onSuccess: async (template) => {
      await queryClient.invalidateQueries({ queryKey: templateKeys.list(template.imo_id) });
      options.onSuccess?.(template);
    },
  });
}
