/**
 * graph.instagram.com and graph.facebook.com: token check, node lookup and the edges our functions
 * call. Which ids a token may reach follows Meta: an Instagram token sees its own account, a Page
 * token its Page and linked account, a user token the user and their Pages.
 */
import {
  commentFields,
  deleteComment,
  hideComment,
  mediaEdge,
  mediaFields,
  replyToComment,
} from "./comments-api.ts";
import {
  containerFields,
  createContainer,
  publishContainer,
  publishingLimit,
} from "./content-publishing.ts";
import {
  conversationMessagesEdge,
  conversationNode,
  listConversations,
  messageNode,
} from "./conversations-api.ts";
import { leadByIgsid } from "./directory.ts";
import { facebookAccessToken } from "./facebook-login.ts";
import type { GraphCall, SandboxServices, Viewer } from "./graph-context.ts";
import { graphErrors } from "./graph-errors.ts";
import { parseFields } from "./graph-fields.ts";
import {
  accountsEdge,
  facebookUserFields,
  instagramAccountFields,
  pageFields,
  permissionsEdge,
  userProfile,
} from "./graph-nodes.ts";
import { accessTokenOf, stringParam } from "./http-helpers.ts";
import { instagramInsights, pageInsights } from "./insights-api.ts";
import { instagramLongLivedExchange, instagramRefresh } from "./instagram-login.ts";
import type {
  AccessToken,
  Conversation,
  FacebookPage,
  FacebookUser,
  InstagramAccount,
  SandboxState,
  StoredComment,
  StoredContainer,
  StoredMedia,
  StoredMessage,
} from "./sandbox-state.ts";
import { sendApi } from "./send-api.ts";
import { subscribedApps } from "./subscriptions.ts";
import { checkToken } from "./tokens.ts";

type GraphNode =
  | { kind: "instagram_account"; account: InstagramAccount }
  | { kind: "page"; page: FacebookPage }
  | { kind: "facebook_user"; user: FacebookUser }
  | { kind: "person"; account: InstagramAccount; igsid: string }
  | { kind: "conversation"; conversation: Conversation }
  | { kind: "message"; message: StoredMessage }
  | { kind: "media"; media: StoredMedia; account: InstagramAccount }
  | { kind: "comment"; comment: StoredComment; account: InstagramAccount }
  | { kind: "container"; container: StoredContainer };

const IG = "graph.instagram.com";

export function handleGraph(
  services: SandboxServices,
  call: GraphCall,
): unknown | Promise<unknown> {
  const { state } = services;
  const [first, second] = call.segments;
  // Token endpoints that take no bearer token of their own.
  if (call.host === IG && call.segments.length === 1 && first === "access_token") {
    return instagramLongLivedExchange(services, call);
  }
  if (call.host === IG && call.segments.length === 1 && first === "refresh_access_token") {
    return instagramRefresh(services, call);
  }
  if (call.host !== IG && first === "oauth" && second === "access_token") {
    return facebookAccessToken(services, call);
  }
  if (!first) throw graphErrors.unknownPath("/");
  if (call.segments.length > 2) throw graphErrors.unknownPath(call.segments.slice(2).join("/"));

  const token = checkToken(
    state,
    accessTokenOf(call.request, call.params),
    call.host,
    first === "me",
  );
  const viewer = viewerOf(state, token);
  const node = resolveNode(state, call, viewer, first);
  const edge = second;
  const method = call.method;
  const specs = () => parseFields(stringParam(call.params, "fields"));

  switch (node.kind) {
    case "instagram_account": {
      const { account } = node;
      if (!edge && method === "GET") {
        requireScope(call, viewer, "instagram_business_basic", "instagram_basic");
        return instagramAccountFields(services, call.host, account, specs());
      }
      if (edge === "media" && method === "GET") {
        requireScope(call, viewer, "instagram_business_basic", "instagram_basic");
        return mediaEdge(state, call, account);
      }
      // content publishing (§7), on either host
      if (edge === "media" && method === "POST") {
        requireScope(
          call,
          viewer,
          "instagram_business_content_publish",
          "instagram_content_publish",
        );
        return createContainer(services, call, account);
      }
      if (edge === "media_publish" && method === "POST") {
        requireScope(
          call,
          viewer,
          "instagram_business_content_publish",
          "instagram_content_publish",
        );
        return publishContainer(services, call, account);
      }
      if (edge === "content_publishing_limit" && method === "GET") {
        requireScope(
          call,
          viewer,
          "instagram_business_content_publish",
          "instagram_content_publish",
        );
        return publishingLimit(state, call, account);
      }
      if (edge === "insights" && method === "GET") {
        requireScope(
          call,
          viewer,
          "instagram_business_manage_insights",
          "instagram_manage_insights",
        );
        return instagramInsights(state, call, account);
      }
      if (edge === "subscribed_apps" && call.host === IG) {
        requireScope(call, viewer, "instagram_business_basic", "instagram_basic");
        return subscribedApps(
          call,
          account,
          { id: state.instagramApp.appId, name: "DM Desk" },
          false,
        );
      }
      if (edge === "messages" && method === "POST" && call.host === IG) {
        requireScope(
          call,
          viewer,
          "instagram_business_manage_messages",
          "instagram_manage_messages",
        );
        return sendApi(services, call, account);
      }
      if (edge === "conversations" && method === "GET" && call.host === IG) {
        requireScope(
          call,
          viewer,
          "instagram_business_manage_messages",
          "instagram_manage_messages",
        );
        return listConversations(services, call, account, first);
      }
      break;
    }
    case "page": {
      const { page } = node;
      if (!edge && method === "GET") {
        return pageFields(services, viewer, page, specs(), ["name", "id"]);
      }
      // Page edges act with a Page token of that Page (§1B).
      if (edge && viewer.page?.id !== page.id) throw graphErrors.pageTokenRequired();
      if (edge === "subscribed_apps") {
        requireScope(call, viewer, "pages_manage_metadata", "pages_manage_metadata");
        return subscribedApps(call, page, { id: state.metaApp.appId, name: "DM Desk" }, true);
      }
      if (edge === "insights" && method === "GET") {
        // §6: Page insights need read_insights and pages_read_engagement on the Page token
        requireScope(call, viewer, "pages_read_engagement", "pages_read_engagement");
        requireScope(call, viewer, "read_insights", "read_insights");
        return pageInsights(state, call, page);
      }
      const linked = page.linkedIgAccountId
        ? state.accounts.get(page.linkedIgAccountId)
        : undefined;
      if ((edge === "messages" || edge === "conversations") && !linked) {
        throw graphErrors.invalidParameter(
          "This Page has no linked Instagram professional account",
        );
      }
      if (edge === "messages" && method === "POST") {
        requireScope(call, viewer, "instagram_manage_messages", "instagram_manage_messages");
        return sendApi(services, call, linked!);
      }
      if (edge === "conversations" && method === "GET") {
        requireScope(call, viewer, "instagram_manage_messages", "instagram_manage_messages");
        return listConversations(services, call, linked!, first);
      }
      break;
    }
    case "facebook_user":
      if (!edge && method === "GET") return facebookUserFields(call, node.user);
      if (edge === "accounts" && method === "GET") {
        requireScope(call, viewer, "pages_show_list", "pages_show_list");
        return accountsEdge(services, call, viewer);
      }
      if (edge === "permissions" && method === "GET") return permissionsEdge(viewer);
      break;
    case "person":
      if (!edge && method === "GET") {
        requireScope(
          call,
          viewer,
          "instagram_business_manage_messages",
          "instagram_manage_messages",
        );
        return userProfile(services, call, node.account, node.igsid);
      }
      break;
    case "conversation":
      requireScope(call, viewer, "instagram_business_manage_messages", "instagram_manage_messages");
      if (!edge && method === "GET") return conversationNode(services, call, node.conversation);
      if (edge === "messages" && method === "GET") {
        return conversationMessagesEdge(services, call, node.conversation);
      }
      break;
    case "message":
      requireScope(call, viewer, "instagram_business_manage_messages", "instagram_manage_messages");
      if (!edge && method === "GET") return messageNode(services, call, node.message);
      break;
    case "media":
      requireScope(call, viewer, "instagram_business_basic", "instagram_basic");
      if (!edge && method === "GET") return mediaFields(state, call, node.media);
      break;
    case "container":
      requirePublishScope(call, viewer);
      if (!edge && method === "GET") return containerFields(call, node.container);
      break;
    case "comment":
      requireScope(call, viewer, "instagram_business_manage_comments", "instagram_manage_comments");
      if (!edge && method === "GET") return commentFields(state, call, node.comment);
      if (!edge && method === "POST") return hideComment(call, node.account, node.comment);
      if (!edge && method === "DELETE") return deleteComment(services, node.comment);
      if (edge === "replies" && method === "POST") {
        return replyToComment(services, call, node.account, node.comment);
      }
      break;
  }
  if (edge) throw graphErrors.unknownPath(edge);
  throw graphErrors.unknownObject(method, first);
}

function viewerOf(state: SandboxState, token: AccessToken): Viewer {
  const owner = token.owner;
  if (owner.type === "instagram_account") {
    return { token, account: state.accounts.get(owner.igAccountId) };
  }
  if (owner.type === "page") {
    const page = state.pages.get(owner.pageId);
    const account = page?.linkedIgAccountId
      ? state.accounts.get(page.linkedIgAccountId)
      : undefined;
    return { token, page, account };
  }
  return { token, user: state.facebookUsers.get(owner.userId) };
}

function resolveNode(state: SandboxState, call: GraphCall, viewer: Viewer, id: string): GraphNode {
  const ig = call.host === IG;
  const notFound = () => graphErrors.unknownObject(call.method, id);
  if (id === "me") {
    if (ig && viewer.account) return { kind: "instagram_account", account: viewer.account };
    if (!ig && viewer.page) return { kind: "page", page: viewer.page };
    if (!ig && viewer.user) return { kind: "facebook_user", user: viewer.user };
    throw notFound();
  }
  // Instagram accounts: on graph.instagram.com by professional account id or `/me` id (both are
  // the same user node, §1A); the code-exchange `user_id` is not accepted as a node id (our choice,
  // so code that mixes the three ids up fails here). On graph.facebook.com by IG business account id.
  const account = [...state.accounts.values()].find((a) =>
    a.igAccountId === id || (ig && a.meId === id)
  );
  if (account) {
    const mine = ig
      ? viewer.account?.igAccountId === account.igAccountId
      : canSeeViaFacebook(state, viewer, account);
    if (mine) return { kind: "instagram_account", account };
    throw notFound();
  }
  if (!ig) {
    const page = state.pages.get(id);
    if (page) {
      if (viewer.page?.id === page.id || viewer.user?.id === page.ownerUserId) {
        return { kind: "page", page };
      }
      throw notFound();
    }
    const user = state.facebookUsers.get(id);
    if (user && (viewer.user?.id === id || viewer.page?.ownerUserId === id)) {
      return { kind: "facebook_user", user };
    }
  }
  // The Instagram account whose messages the viewer may read: its own, or its Page's linked one.
  const own = viewer.account;
  if (own) {
    const conversation = state.conversations.get(id);
    if (conversation?.igAccountId === own.igAccountId) {
      return { kind: "conversation", conversation };
    }
    const message = state.messages.get(id);
    if (message?.igAccountId === own.igAccountId) return { kind: "message", message };
    const media = state.media.get(id);
    if (media?.igAccountId === own.igAccountId) return { kind: "media", media, account: own };
    const container = state.containers.get(id);
    if (container?.igAccountId === own.igAccountId) return { kind: "container", container };
    // a deleted comment is gone for Graph: an unknown object (§9 "Moderation")
    const comment = state.comments.get(id);
    if (comment && !comment.deleted && comment.igAccountId === own.igAccountId) {
      return { kind: "comment", comment, account: own };
    }
    // IGSIDs are scoped to one account (§5): another account's IGSID for the same person is unknown here.
    if (leadByIgsid(state, own.igAccountId, id)) return { kind: "person", account: own, igsid: id };
  }
  throw notFound();
}

function canSeeViaFacebook(state: SandboxState, viewer: Viewer, account: InstagramAccount) {
  const page = account.pageId ? state.pages.get(account.pageId) : undefined;
  if (!page) return false;
  return viewer.page?.id === page.id || viewer.user?.id === page.ownerUserId;
}

/** Content publishing's permission on either host (§7 "Host and permissions"). */
const requirePublishScope = (call: GraphCall, viewer: Viewer) =>
  requireScope(call, viewer, "instagram_business_content_publish", "instagram_content_publish");

/** The token and the person's current grant must both hold the permission (§1A, §1B, §2). */
function requireScope(
  call: GraphCall,
  viewer: Viewer,
  instagramScope: string,
  facebookScope: string,
) {
  const scope = call.host === IG ? instagramScope : facebookScope;
  const granted = viewer.token.scopes.includes(scope) &&
    (!viewer.account || viewer.account.grantedScopes.includes(scope) ||
      viewer.token.owner.type === "facebook_user");
  if (!granted) throw graphErrors.missingPermission(scope);
}
