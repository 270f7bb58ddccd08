import { signedIn } from "../auth.ts";
import { router, UUID } from "../router.ts";
import { deleteCommentRoute, hideCommentRoute } from "./moderation.ts";
import {
  getCommentRoute,
  listPostsRoute,
  postCommentsRoute,
  triagePostRoute,
} from "./post-routes.ts";
import { privateReplyRoute } from "./private-reply.ts";
import { publicReplyRoute } from "./public-reply.ts";
import { recentPostsRoute } from "./recent-posts.ts";
import { createRuleRoute, deleteRuleRoute, listRulesRoute, updateRuleRoute } from "./rules.ts";

const post = `/instagram-comments/posts/:postId${UUID}`;
const comment = `/instagram-comments/comments/:commentId${UUID}`;
const rule = `/instagram-comments/rules/:ruleId${UUID}`;

/**
 * instagram-comments: the Comments view (contracts in shared/src/contracts/comments.ts). Posts
 * with their threads, triage, public and private replies, hiding and deleting, and the keyword
 * rules (shared/src/contracts/comment-rules.ts), for any member of an
 * IMO whose plan has Instagram messaging; every route acts as the caller through RLS, and calls
 * Meta with the account's token only after that.
 */
export function createCommentsHandler() {
  return router([
    { method: "GET", path: "/instagram-comments/posts", handle: signedIn(listPostsRoute) },
    {
      method: "GET",
      path: `/instagram-comments/accounts/:accountId${UUID}/posts`,
      handle: signedIn(recentPostsRoute),
    },
    { method: "GET", path: `${post}/comments`, handle: signedIn(postCommentsRoute) },
    { method: "POST", path: `${post}/triage`, handle: signedIn(triagePostRoute) },
    { method: "GET", path: comment, handle: signedIn(getCommentRoute) },
    { method: "POST", path: `${comment}/reply`, handle: signedIn(publicReplyRoute) },
    { method: "POST", path: `${comment}/private-reply`, handle: signedIn(privateReplyRoute) },
    { method: "POST", path: `${comment}/hide`, handle: signedIn(hideCommentRoute) },
    { method: "POST", path: `${comment}/delete`, handle: signedIn(deleteCommentRoute) },
    { method: "GET", path: "/instagram-comments/rules", handle: signedIn(listRulesRoute) },
    { method: "POST", path: "/instagram-comments/rules", handle: signedIn(createRuleRoute) },
    { method: "PATCH", path: rule, handle: signedIn(updateRuleRoute) },
    { method: "POST", path: `${rule}/delete`, handle: signedIn(deleteRuleRoute) },
  ]);
}
