import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type CommentRuleResponse,
  commentRuleResponseSchema,
  type CreateCommentRule,
  createCommentRuleSchema,
} from "@dm-desk/shared/contracts/comment-rules";
import { commentKeys } from "@/features/comments/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction, parseInput } from "@/lib/functions.ts";

/** A keyword rule (owners and admins): a matching comment gets a private reply. */
export async function createCommentRule(input: CreateCommentRule): Promise<CommentRuleResponse> {
  const body = parseInput(createCommentRuleSchema, input);
  return await invokeFunction("instagram-comments/rules", commentRuleResponseSchema, {
    method: "POST",
    body,
  });
}

export function useCreateCommentRule(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<CommentRuleResponse, AppError, CreateCommentRule>({
    mutationFn: createCommentRule,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: commentKeys.rules(imoId) });
    },
  });
}
