/**
 * Meta's Private Replies (docs/meta-platform.md §9 "Private Replies"): one private message per
 * comment, to the person who wrote it, within 7 days of the comment. Shared by the functions (which
 * refuse what Meta would refuse) and the SPA (which says why before anyone tries).
 */

export const PRIVATE_REPLY_DAYS = 7;
const DAY_MS = 86_400_000;

/** The last moment a private reply to a comment written at `commentedAt` may go (exclusive). */
export function privateReplyUntil(commentedAt: Date | string): Date {
  return new Date(new Date(commentedAt).getTime() + PRIVATE_REPLY_DAYS * DAY_MS);
}

export type PrivateReplyBlock =
  | "own_comment"
  | "already_replied"
  | "too_old"
  | "deleted";

/** Why a private reply to this comment cannot go now, or null when it can. */
export function privateReplyBlock(
  comment: {
    author_kind: string;
    commented_at: Date | string;
    deleted_at: Date | string | null;
    has_private_reply: boolean;
  },
  now: Date,
): PrivateReplyBlock | null {
  if (comment.author_kind !== "contact") return "own_comment";
  if (comment.deleted_at !== null) return "deleted";
  if (comment.has_private_reply) return "already_replied";
  if (now >= privateReplyUntil(comment.commented_at)) return "too_old";
  return null;
}

/** What the SPA says for each reason (and for Meta's refusal, which does not say which). */
export const PRIVATE_REPLY_EXPLANATIONS: Record<PrivateReplyBlock | "meta_refused", string> = {
  own_comment: "Private replies go to people who commented, not to our own comments.",
  deleted: "This comment was deleted, so it can no longer be answered privately.",
  already_replied:
    "Instagram allows one private reply per comment, and this comment already has one. Continue in the conversation once they write back.",
  too_old:
    `Instagram allows a private reply only within ${PRIVATE_REPLY_DAYS} days of the comment.`,
  meta_refused:
    `Instagram refused the private reply: it allows one per comment, within ${PRIVATE_REPLY_DAYS} days of the comment.`,
};

/**
 * Meta's answer to a private reply it refuses for the comment itself (a second one, or too late):
 * `100` (invalid parameter) or the window error `10/2534022`, as the failed message's error_code.
 */
export function isPrivateReplyRefusal(errorCode: string | null): boolean {
  return errorCode === "100" || errorCode === "10/2534022";
}
