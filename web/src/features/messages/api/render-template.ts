import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  renderedTemplateSchema,
  type RenderTemplate,
  renderTemplateSchema,
} from "@dm-desk/shared/contracts/message-templates";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type RenderTemplateInput = RenderTemplate;

/** A template's text with this conversation's variables filled in by the server. */
export async function renderTemplate(input: RenderTemplateInput): Promise<string> {
  const body = parseInput(renderTemplateSchema, input);
  const { text } = await invokeFunction("message-templates/render", renderedTemplateSchema, {
    method: "POST",
    body,
  });
  return text;
}

export function useRenderTemplate(
  options: { onRendered: (text: string, templateId: string) => void },
) {
  return useMutation<string, AppError, RenderTemplateInput>({
    mutationFn: renderTemplate,
    onSuccess: (text, input) => options.onRendered(text, input.template_id),
    onError: (error) => toast.error(`Couldn't use the template: ${error.message}`),
  });
}
