import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type CreateTemplate,
  createTemplateSchema,
  templateResponseSchema,
} from "@dm-desk/shared/contracts/message-templates";
import type { MessageTemplate } from "@dm-desk/shared/schemas/message-template";
import { templateKeys } from "@/features/templates/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type CreateTemplateInput = CreateTemplate;

/** An owner's or admin's new template (plans with instagram_templates). */
export async function createTemplate(input: CreateTemplateInput): Promise<MessageTemplate> {
  const body = parseInput(createTemplateSchema, input);
  const { template } = await invokeFunction("message-templates", templateResponseSchema, {
    method: "POST",
    body,
  });
  return template;
}

/** Settles once the list is fetched again, so whoever closes a dialog on success shows it. */
export function useCreateTemplate(options: { onSuccess?: (template: MessageTemplate) => void }) {
  const queryClient = useQueryClient();
  return useMutation<MessageTemplate, AppError, CreateTemplateInput>({
    mutationFn: createTemplate,
    onSuccess: async (template) => {
      await queryClient.invalidateQueries({ queryKey: templateKeys.list(template.imo_id) });
      options.onSuccess?.(template);
    },
  });
}
