import { z } from "zod";
import { idSchema, timestampSchema } from "../schemas/common.ts";

/**
 * Keyword rules on comments (instagram-comments `/rules`): "when someone comments <keyword> on
 * <a post, or any post>, reply privately with <template>". Everyone in the IMO reads them; owners
 * and admins on a plan with automation write them.
 */
export const commentKeywordSchema = z.string().trim().min(1, "Give a keyword").max(100)
  .refine((keyword) => /[\p{L}\p{N}]/u.test(keyword), "A keyword needs a letter or a digit");

export const commentRuleSchema = z.object({
  id: idSchema,
  imo_id: idSchema,
  /** null: every account of the IMO */
  channel_account_id: idSchema.nullable(),
  /** null: any post */
  post_id: idSchema.nullable(),
  post_caption: z.string().nullable(),
  keyword: z.string(),
  template_id: idSchema,
  template_name: z.string().nullable(),
  is_enabled: z.boolean(),
  created_at: timestampSchema,
  /** what the rule did: private replies sent, and runs skipped (hidden, too old, ...) or failed */
  runs: z.object({
    sent: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
});
export type CommentRule = z.infer<typeof commentRuleSchema>;

export const commentRuleListQuerySchema = z.object({ imo_id: idSchema });
export const commentRuleListResponseSchema = z.object({ rules: z.array(commentRuleSchema) });
export type CommentRuleListResponse = z.infer<typeof commentRuleListResponseSchema>;

export const createCommentRuleSchema = z.object({
  imo_id: idSchema,
  channel_account_id: idSchema.nullable().default(null),
  post_id: idSchema.nullable().default(null),
  keyword: commentKeywordSchema,
  template_id: idSchema,
  is_enabled: z.boolean().default(true),
});
export type CreateCommentRule = z.input<typeof createCommentRuleSchema>;

export const updateCommentRuleSchema = z.object({
  channel_account_id: idSchema.nullable().optional(),
  post_id: idSchema.nullable().optional(),
  keyword: commentKeywordSchema.optional(),
  template_id: idSchema.optional(),
  is_enabled: z.boolean().optional(),
});
export type UpdateCommentRule = z.input<typeof updateCommentRuleSchema>;

export const commentRuleResponseSchema = z.object({ rule: commentRuleSchema });
export type CommentRuleResponse = z.infer<typeof commentRuleResponseSchema>;

export const deletedCommentRuleSchema = z.object({ deleted: z.literal(true) });
export type DeletedCommentRule = z.infer<typeof deletedCommentRuleSchema>;
