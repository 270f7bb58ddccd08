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

/** Keyword rules (comment_rules) land in a later slice; until then nothing is queued. */
export async function queueCommentRuleReplies(_tx: Tx, _comment: NewComment): Promise<number> {
  return await Promise.resolve(0);
}
