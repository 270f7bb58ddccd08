import { matchesKeyword } from "../../../../shared/src/rules/comment-keywords.ts";
import type { Tx } from "../db.ts";

/** A contact's new comment, as the keyword rules see it. */
export interface NewComment {
  imoId: string;
  channelAccountId: string;
  postId: string;
  commentId: string;
  contactId: string;
  text: string;
}

/**
 * Inside the webhook's transaction for a contact's new comment: the first enabled rule whose
 * keyword it holds (a rule for this post before one for any post, then the oldest) queues a run,
 * unless this person already has one on this post (at most once per person per post). Nothing is
 * sent here: the run is sent after the delivery, outside this transaction (rule-replies.ts).
 * Answers how many runs were queued (0 or 1).
 */
export async function queueCommentRuleReplies(tx: Tx, comment: NewComment): Promise<number> {
  const rules = await tx<{ id: string; keyword: string }[]>`
    select id, keyword from public.comment_rules
    where imo_id = ${comment.imoId} and is_enabled
      and (channel_account_id is null or channel_account_id = ${comment.channelAccountId})
      and (post_id is null or post_id = ${comment.postId})
    order by post_id is null, created_at, id`;
  const rule = rules.find((r) => matchesKeyword(comment.text, r.keyword));
  if (!rule) return 0;
  const queued = await tx`
    insert into public.comment_rule_runs (imo_id, channel_account_id, rule_id, post_id, contact_id, comment_id)
    values (${comment.imoId}, ${comment.channelAccountId}, ${rule.id}, ${comment.postId},
      ${comment.contactId}, ${comment.commentId})
    on conflict (post_id, contact_id) do nothing
    returning id`;
  return queued.length;
}
