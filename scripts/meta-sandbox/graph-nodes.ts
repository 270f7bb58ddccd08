/**
 * Graph nodes other than conversations: Instagram accounts, Facebook users and Pages, and
 * Instagram users seen through their IGSID (the User Profile API, §5).
 */
import { conversationOf, leadByIgsid } from "./directory.ts";
import type { GraphCall, SandboxServices, Viewer } from "./graph-context.ts";
import { graphErrors, type GraphHost } from "./graph-errors.ts";
import { type FieldSpec, parseFields, pickFields } from "./graph-fields.ts";
import { stringParam } from "./http-helpers.ts";
import type { FacebookPage, InstagramAccount } from "./sandbox-state.ts";
import { issueToken } from "./tokens.ts";

const fieldsOf = (call: GraphCall) => parseFields(stringParam(call.params, "fields"));

function profilePicture(services: SandboxServices, id: string) {
  return `${services.baseUrl}/_sandbox/media/profile-${id}.jpg`;
}

/**
 * An Instagram professional account. On graph.instagram.com, `id` is the app-scoped id and
 * `user_id` the professional account id used in paths and webhook `entry.id` (§1A "Account ID").
 * On graph.facebook.com the node is the IG business account and `id` is that account id (§1B).
 */
export function instagramAccountFields(
  services: SandboxServices,
  host: GraphHost,
  account: InstagramAccount,
  specs: FieldSpec[] | undefined,
) {
  const common = {
    username: account.username,
    name: account.name,
    profile_picture_url: profilePicture(services, account.igAccountId),
    followers_count: account.followersCount,
    follows_count: 180,
    media_count: 42,
    biography: `Careers at ${account.name}`,
    website: "https://example.com/careers",
  };
  if (host === "graph.instagram.com") {
    return pickFields(
      { id: account.meId, user_id: account.igAccountId, account_type: "BUSINESS", ...common },
      specs,
      ["id"],
      "User",
    );
  }
  return pickFields(
    { id: account.igAccountId, ig_id: Number(account.igAccountId.slice(-10)), ...common },
    specs,
    ["id"],
    "IGUser",
  );
}

/** `instagram_business_account` is left out when the Page has no linked account (§1B). */
export function pageFields(
  services: SandboxServices,
  viewer: Viewer,
  page: FacebookPage,
  specs: FieldSpec[] | undefined,
  defaults: string[],
) {
  const linked = page.linkedIgAccountId
    ? services.state.accounts.get(page.linkedIgAccountId)
    : undefined;
  return pickFields(
    {
      id: page.id,
      name: page.name,
      category: "Employment Agency",
      tasks: ["ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"],
      instagram_business_account: linked
        ? (spec: FieldSpec) =>
          instagramAccountFields(services, "graph.facebook.com", linked, spec.children)
        : undefined,
      access_token: () => pageTokenFor(services, viewer, page),
    },
    specs,
    defaults,
    "Page",
  );
}

/**
 * A Page token for the user's Page: never expiring when the user token is long-lived; otherwise it
 * lives as long as the user token (§1B "Page tokens").
 */
function pageTokenFor(services: SandboxServices, viewer: Viewer, page: FacebookPage) {
  if (viewer.token.owner.type === "page") return viewer.token.value;
  const longLived = viewer.token.kind === "facebook_user_long";
  return issueToken(
    services.state,
    "page",
    { type: "page", pageId: page.id },
    viewer.token.scopes,
    {
      expiresAt: longLived ? null : viewer.token.expiresAt,
    },
  ).value;
}

/** `GET /me/accounts`: the user's Pages with Page tokens (§1B). */
export function accountsEdge(services: SandboxServices, call: GraphCall, viewer: Viewer) {
  const pages = [...services.state.pages.values()].filter((p) => p.ownerUserId === viewer.user!.id);
  const specs = fieldsOf(call);
  const defaults = ["access_token", "category", "name", "id", "tasks"];
  return {
    data: pages.map((page) => pageFields(services, viewer, page, specs, defaults)),
    paging: { cursors: { before: "QVFIUjBQ", after: "QVFIUkx3" } },
  };
}

/** `GET /me/permissions`: what the person granted (Graph API "permissions" edge of a User). */
export function permissionsEdge(viewer: Viewer) {
  return { data: viewer.token.scopes.map((permission) => ({ permission, status: "granted" })) };
}

export function facebookUserFields(call: GraphCall, user: { id: string; name: string }) {
  return pickFields({ id: user.id, name: user.name }, fieldsOf(call), ["name", "id"], "User");
}

/**
 * The User Profile API (§5). Consent: only after the person messaged the account (or tapped an
 * icebreaker/persistent menu); otherwise "User consent is required to access user profile".
 */
export function userProfile(
  services: SandboxServices,
  call: GraphCall,
  account: InstagramAccount,
  igsid: string,
) {
  const { state } = services;
  const lead = leadByIgsid(state, account.igAccountId, igsid)!;
  // §5: "If the user blocked the business, their info is unavailable": answered as an unknown object.
  if (lead.blocked) throw graphErrors.unknownObject(call.method, igsid);
  const conversation = conversationOf(state, account.igAccountId, lead.id);
  if (conversation?.lastInboundAt === undefined) throw graphErrors.consentRequired(call.host);
  return pickFields(
    {
      id: igsid,
      name: lead.name, // may be null (§5)
      username: lead.username,
      profile_pic: profilePicture(services, igsid),
      follower_count: lead.followerCount,
      is_user_follow_business: lead.followsBusiness,
      is_business_follow_user: lead.businessFollowsUser,
      is_verified_user: lead.verified,
    },
    fieldsOf(call),
    ["name", "username", "profile_pic"],
    "InstagramUser",
  );
}
