import { z } from "zod";
import { messageTextSchema } from "../rules/message-text.ts";
import { TEMPLATE_VARIABLES, unknownVariables } from "../rules/template-variables.ts";
import { idSchema } from "../schemas/common.ts";
import { templateCategorySchema } from "../schemas/enums.ts";
import { messageTemplateSchema } from "../schemas/message-template.ts";

/** A template's text: a message's limits, and only variables the server can fill. */
export const templateContentSchema = messageTextSchema.superRefine((content, ctx) => {
  const unknown = unknownVariables(content);
  if (unknown.length) {
    ctx.addIssue({
      code: "custom",
      message: `Unknown variable ${unknown.map((name) => `{{${name}}}`).join(", ")}; use ${
        TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(", ")
      }`,
    });
  }
});

const templateNameSchema = z.string().trim().min(1).max(80);

export const templateListQuerySchema = z.object({
  imo_id: idSchema,
  category: templateCategorySchema.optional(),
});

export const createTemplateSchema = z.object({
  imo_id: idSchema,
  name: templateNameSchema,
  content: templateContentSchema,
  category: templateCategorySchema,
});
export type CreateTemplate = z.infer<typeof createTemplateSchema>;

export const updateTemplateSchema = z.object({
  id: idSchema,
  name: templateNameSchema.optional(),
  content: templateContentSchema.optional(),
  category: templateCategorySchema.optional(),
});
export type UpdateTemplate = z.infer<typeof updateTemplateSchema>;

export const deleteTemplateQuerySchema = z.object({ id: idSchema });

export const renderTemplateSchema = z.object({ template_id: idSchema, conversation_id: idSchema });
export type RenderTemplate = z.infer<typeof renderTemplateSchema>;

export const templateResponseSchema = z.object({ template: messageTemplateSchema });
export const templateListResponseSchema = z.object({ templates: z.array(messageTemplateSchema) });
export const renderedTemplateSchema = z.object({ text: z.string() });
export type TemplateListResponse = z.infer<typeof templateListResponseSchema>;
