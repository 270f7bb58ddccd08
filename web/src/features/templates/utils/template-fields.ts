import { fieldErrorSchema } from "@dm-desk/shared/contracts/api-error";
import { templateContentSchema } from "@dm-desk/shared/contracts/message-templates";
import { TEMPLATE_CATEGORIES, type TemplateCategory } from "@dm-desk/shared/schemas/enums";
import { z } from "zod";
import type { AppError } from "@/lib/errors.ts";

export const CATEGORY_LABELS: Record<TemplateCategory, string> = {
  greeting: "Greeting",
  follow_up: "Follow-up",
  scheduling: "Scheduling",
};

export const CATEGORY_OPTIONS = TEMPLATE_CATEGORIES.map((value) => ({
  value,
  label: CATEGORY_LABELS[value],
}));

/** The server's limit on a name (`templateNameSchema` in the shared contract). */
export const MAX_NAME_LENGTH = 80;

export type TemplateFields = { name: string; content: string; category: TemplateCategory };
type FieldName = keyof TemplateFields;
export type TemplateFieldErrors = Partial<Record<FieldName, string>>;

const FIELD_NAMES: readonly string[] = ["name", "content", "category"] satisfies FieldName[];
const fieldErrorsSchema = z.array(fieldErrorSchema);

/** What is wrong with the fields before sending, in the words the server would use for the text. */
export function checkTemplateFields(fields: TemplateFields): TemplateFieldErrors {
  const errors: TemplateFieldErrors = {};
  const name = fields.name.trim();
  if (!name) errors.name = "Give the template a name.";
  else if (name.length > MAX_NAME_LENGTH) {
    errors.name = `Keep the name to ${MAX_NAME_LENGTH} characters.`;
  }
  const content = templateContentSchema.safeParse(fields.content);
  if (!content.success) errors.content = content.error.issues[0]?.message;
  return errors;
}

/**
 * A refusal, placed where it belongs: a 422's invalid fields and a taken name beside their field,
 * anything else above the buttons.
 */
export function placeServerError(
  error: AppError,
): { fields: TemplateFieldErrors; general?: string } {
  if (error.code === "template_name_taken") return { fields: { name: error.message } };
  const details = fieldErrorsSchema.safeParse(error.details);
  if (!details.success) return { fields: {}, general: error.message };
  const fields: TemplateFieldErrors = {};
  const others: string[] = [];
  for (const { path, message } of details.data) {
    if (FIELD_NAMES.includes(path)) fields[path as FieldName] ??= message;
    else others.push(path ? `${path}: ${message}` : message);
  }
  const general = others.length || !Object.keys(fields).length
    ? [error.message, ...others].join(" · ")
    : undefined;
  return { fields, general };
}
