import { graphFetch } from "./graph-client.ts";
import type { MetaConfig } from "./meta-config.ts";

/**
 * The comment calls of the Graph API (docs/meta-platform.md §9 "Replies", "Moderation"), on the
 * host of the account's login path with its token (a Page token on graph.facebook.com).
 */
export interface CommentingAccount {
  auth_path: "instagram_login" | "facebook_login";
}

const base = (config: MetaConfig, account: CommentingAccount) =>
  account.auth_path === "instagram_login" ? config.instagramGraph : config.facebookGraph;

/** A public reply: `POST /<comment-id>/replies?message=`; resolves to the new comment's id. */
export async function replyToComment(
  config: MetaConfig,
  account: CommentingAccount,
  token: string,
  commentId: string,
  text: string,
): Promise<string> {
  const answer = await graphFetch(
    `${base(config, account)}/${encodeURIComponent(commentId)}/replies`,
    { token, form: { message: text } },
  );
  if (typeof answer.id !== "string") throw new Error("Meta accepted the reply without naming it");
  return answer.id;
}

/** Hide (or show again): `POST /<comment-id>?hide=true|false`. */
export async function setCommentHidden(
  config: MetaConfig,
  account: CommentingAccount,
  token: string,
  commentId: string,
  hidden: boolean,
) {
  await graphFetch(`${base(config, account)}/${encodeURIComponent(commentId)}`, {
    token,
    form: { hide: String(hidden) },
  });
}

/** `DELETE /<comment-id>`. */
export async function deleteComment(
  config: MetaConfig,
  account: CommentingAccount,
  token: string,
  commentId: string,
) {
  await graphFetch(`${base(config, account)}/${encodeURIComponent(commentId)}`, {
    method: "DELETE",
    token,
  });
}

/** Whether Instagram shows the comment: `GET /<comment-id>?fields=hidden` (its filters hide some). */
export async function isCommentHidden(
  config: MetaConfig,
  account: CommentingAccount,
  token: string,
  commentId: string,
): Promise<boolean> {
  const url = new URL(`${base(config, account)}/${encodeURIComponent(commentId)}`);
  url.searchParams.set("fields", "hidden");
  const answer = await graphFetch(url, { token, timeoutMs: 5000 });
  return answer.hidden === true;
}
