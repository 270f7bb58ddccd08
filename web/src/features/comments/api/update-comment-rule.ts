import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type CommentRuleResponse,
  commentRuleResponseSchema,
  type UpdateCommentRule,
  updateCommentRuleSchema,
} from "@dm-desk/shared/contracts/comment-rules";
import { commentKeys } from "@/features/comments/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

export type UpdateCommentRuleInput = { ruleId: string; change: UpdateCommentRule };

/** Change a keyword rule, or turn it off (owners and admins). */
export async function updateCommentRule(
  { ruleId, change }: UpdateCommentRuleInput,
): Promise<CommentRuleResponse> {
  const body = parseInput(updateCommentRuleSchema, change);
  return await invokeFunction(
    `instagram-comments/rules/${encodeURIComponent(ruleId)}`,
    commentRuleResponseSchema,
    { method: "PATCH", body },
  );
}

export function useUpdateCommentRule(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<CommentRuleResponse, AppError, UpdateCommentRuleInput>({
    mutationFn: updateCommentRule,
    onError: (error) => toast.error(error.message),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: commentKeys.rules(imoId) });
    },
  });
}
