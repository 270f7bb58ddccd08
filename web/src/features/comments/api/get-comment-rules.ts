import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  type CommentRule,
  commentRuleListQuerySchema,
  commentRuleListResponseSchema,
} from "@dm-desk/shared/contracts/comment-rules";
import { commentKeys } from "@/features/comments/api/keys.ts";
import { invokeFunction, parseInput, withQuery } from "@/lib/functions.ts";

/** The IMO's keyword rules on comments, with what each did. */
export async function getCommentRules(imoId: string): Promise<CommentRule[]> {
  const { imo_id } = parseInput(commentRuleListQuerySchema, { imo_id: imoId });
  const { rules } = await invokeFunction(
    withQuery("instagram-comments/rules", { imo_id }),
    commentRuleListResponseSchema,
    { method: "GET" },
  );
  return rules;
}

export function commentRulesQueryOptions(imoId: string) {
  return queryOptions({
    queryKey: commentKeys.rules(imoId),
    queryFn: () => getCommentRules(imoId),
    enabled: Boolean(imoId),
  });
}

export function useCommentRules(imoId: string) {
  return useQuery(commentRulesQueryOptions(imoId));
}
