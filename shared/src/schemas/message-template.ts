import { z } from "zod";
import { idSchema, timestampSchema } from "./common.ts";
import { templateCategorySchema } from "./enums.ts";

/**
 * A row of `message_templates`. `deleted_at` marks a soft-deleted template (kept for history and
 * scheduled messages). `content` is at most 1000 UTF-8 bytes in the database; composing a new one
 * is checked with `messageTextSchema` from `rules/message-text.ts`.
 */
export const messageTemplateSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  name: z.string(),
  content: z.string(),
  category: templateCategorySchema,
  use_count: z.number().int().nonnegative(),
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  deleted_at: timestampSchema.nullable(),
});

export type MessageTemplate = z.infer<typeof messageTemplateSchema>;
