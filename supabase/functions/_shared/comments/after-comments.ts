import { fetchPostDetails } from "./post-details.ts";

/**
 * What follows storing comments, outside the webhook's event transactions (each calls Meta): the
 * new posts' details. The webhook runs it right after a delivery of comments, and the every-minute
 * drain runs it again for whatever that missed.
 */
export async function afterCommentChanges() {
  return { posts: await fetchPostDetails() };
}
