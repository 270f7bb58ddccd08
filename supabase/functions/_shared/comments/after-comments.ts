import { fetchPostDetails } from "./post-details.ts";
import { sendQueuedRuleReplies } from "./rule-replies.ts";

/**
 * What follows storing comments, outside the webhook's event transactions (each calls Meta): the
 * keyword rules' private replies first (someone is waiting for them), then the new posts'
 * details. The webhook runs it right after a delivery of comments, and the every-minute drain
 * runs it again for whatever that missed.
 */
export async function afterCommentChanges() {
  const ruleReplies = await sendQueuedRuleReplies();
  return { ruleReplies, posts: await fetchPostDetails() };
}
