import type { ThreadComment } from "@dm-desk/shared/contracts/comments";

/**
 * What the Comments view needs to know of the IMO's accounts and members. The route passes these
 * in (from Settings' own queries), so this feature depends on no other.
 */
export type CommentsAccount = {
  id: string;
  username: string | null;
  display_name: string | null;
  profile_picture_url: string | null;
};
export type CommentsMember = { user_id: string; display_name: string | null; email: string };
export type CommentsTemplate = { id: string; name: string; content: string };

export function accountLabel(account: Pick<CommentsAccount, "username" | "display_name">): string {
  return account.username ? `@${account.username}` : account.display_name ?? "Account";
}

/** Who wrote a comment, as the thread names them. */
export function commentAuthor(
  comment: Pick<ThreadComment, "author">,
  viewerId: string,
  account?: CommentsAccount,
): string {
  const { author } = comment;
  switch (author.kind) {
    case "contact":
      return author.username ? `@${author.username}` : "Instagram user";
    case "user":
      return author.user_id === viewerId ? "You" : author.display_name ?? "A teammate";
    case "automation":
      return "Automation";
    case "native_app":
      return account ? `${accountLabel(account)} (Instagram app)` : "From the Instagram app";
  }
}
