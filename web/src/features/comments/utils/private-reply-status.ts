import type { ThreadComment } from "@dm-desk/shared/contracts/comments";
import {
  isPrivateReplyRefusal,
  PRIVATE_REPLY_EXPLANATIONS,
  privateReplyBlock,
} from "@dm-desk/shared/rules/private-replies";

/** Whether a private reply can go now, and if not, the sentence that says why. */
export function privateReplyState(comment: ThreadComment, now: Date) {
  const block = privateReplyBlock({
    author_kind: comment.author.kind,
    commented_at: comment.commented_at,
    deleted_at: comment.deleted_at,
    has_private_reply: comment.private_reply !== null,
  }, now);
  return { canSend: block === null, reason: block ? PRIVATE_REPLY_EXPLANATIONS[block] : null };
}

/** The sentence for a private reply Meta refused, or Meta's own words for anything else. */
export function explainPrivateReplyFailure(error: { code: string | null; message: string | null }) {
  return isPrivateReplyRefusal(error.code)
    ? PRIVATE_REPLY_EXPLANATIONS.meta_refused
    : error.message ?? "Instagram did not send it.";
}
