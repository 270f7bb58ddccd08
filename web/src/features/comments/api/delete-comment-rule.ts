import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  type DeletedCommentRule,
  deletedCommentRuleSchema,
} from "@dm-desk/shared/contracts/comment-rules";
import { commentKeys } from "@/features/comments/api/keys.ts";
import type { AppError } from "@/lib/errors.ts";
import { invokeFunction } from "@/lib/functions.ts";

/** Delete a keyword rule (owners and admins); messages it sent keep saying a rule sent them. */
export async function deleteCommentRule(ruleId: string): Promise<DeletedCommentRule> {
  return await invokeFunction(
    `instagram-comments/rules/${encodeURIComponent(ruleId)}/delete`,
    deletedCommentRuleSchema,
    { method: "POST", body: {} },
  );
}

export function useDeleteCommentRule(imoId: string) {
  const queryClient = useQueryClient();
  return useMutation<DeletedCommentRule, AppError, string>({
    mutationFn: deleteCommentRule,
    onError: (error) => toast.error(error.message),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: commentKeys.rules(imoId) });
    },
  });
}
