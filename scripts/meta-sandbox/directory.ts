/**
 * Creating and finding the people and objects of the sandbox: Instagram accounts, Facebook users and
 * Pages, leads, their per-account IGSIDs, and conversations.
 */
import { conversationId, numericId } from "./ids.ts";
import type {
  Conversation,
  FacebookPage,
  FacebookUser,
  InstagramAccount,
  Lead,
  LoginPath,
  SandboxState,
} from "./sandbox-state.ts";

/** Current Instagram Login scopes (§1A "Scopes (current)"). */
export const INSTAGRAM_SCOPES = [
  "instagram_business_basic",
  "instagram_business_manage_messages",
  "instagram_business_manage_comments",
  "instagram_business_content_publish",
  "instagram_business_manage_insights",
];

/** Facebook Login permissions for Instagram messaging (§1B "Host and permissions"). */
export const FACEBOOK_SCOPES = [
  "instagram_basic",
  "instagram_manage_messages",
  "instagram_manage_comments",
  "instagram_manage_insights",
  "instagram_content_publish",
  "pages_manage_metadata",
  "pages_show_list",
  "pages_read_engagement",
  "read_insights",
  "pages_messaging",
  "business_management",
  "ads_management",
  "ads_read",
];

export interface NewAccount {
  username: string;
  name?: string;
  loginPath: LoginPath;
  humanAgent?: boolean;
  dmsDisabled?: boolean;
  withPage?: boolean;
  followersCount?: number;
  subscribedFields?: string[];
  igAccountId?: string;
  /** fixed `/me` id and code-exchange `user_id` (the seed's); random when absent */
  meId?: string;
  tokenUserId?: string;
  /** owner of the account's Page; a new Facebook user when absent */
  facebookUserId?: string;
}

export function createAccount(state: SandboxState, input: NewAccount): InstagramAccount {
  const account: InstagramAccount = {
    igAccountId: input.igAccountId ?? numericId("17841", 17),
    meId: input.meId ?? numericId("2", 17),
    tokenUserId: input.tokenUserId ?? numericId("1", 17),
    username: input.username,
    name: input.name ?? input.username,
    followersCount: input.followersCount ?? 1200,
    loginPath: input.loginPath,
    humanAgent: input.humanAgent ?? false,
    dmsDisabled: input.dmsDisabled ?? false,
    grantedScopes: input.loginPath === "instagram_login"
      ? [...INSTAGRAM_SCOPES]
      : [...FACEBOOK_SCOPES],
    subscribedFields: [],
  };
  state.accounts.set(account.igAccountId, account);
  if (input.loginPath === "facebook_login" && input.withPage !== false) {
    // each such account gets its own Facebook user, so parallel tests consent to their own Pages
    const owner = input.facebookUserId ?? createFacebookUser(state, `${account.name} Admin`).id;
    const page = createPage(state, {
      name: `${account.name} Page`,
      linkedIgAccountId: account.igAccountId,
      ownerUserId: owner,
    });
    page.subscribedFields = [...(input.subscribedFields ?? [])];
  } else {
    account.subscribedFields = [...(input.subscribedFields ?? [])];
  }
  return account;
}

export function createFacebookUser(state: SandboxState, name: string, id?: string): FacebookUser {
  const user = { id: id ?? numericId("10", 16), name };
  state.facebookUsers.set(user.id, user);
  return user;
}

/**
 * The Facebook user a consent is given as: the user with that id, or the owner of the Page of
 * that id or of the Page linked to that Instagram account.
 */
export function facebookUserFor(state: SandboxState, id: string): FacebookUser | undefined {
  const direct = state.facebookUsers.get(id);
  if (direct) return direct;
  const pageId = state.accounts.get(id)?.pageId ?? id;
  const owner = state.pages.get(pageId)?.ownerUserId;
  return owner ? state.facebookUsers.get(owner) : undefined;
}

/** The Facebook user of the seeded data and of Pages made without an owner (created when first needed). */
export function defaultFacebookUser(state: SandboxState): FacebookUser {
  const existing = state.facebookUsers.values().next().value;
  if (existing) return existing;
  const user = { id: numericId("10", 16), name: "Riley Recruiter" };
  state.facebookUsers.set(user.id, user);
  return user;
}

export function createPage(
  state: SandboxState,
  input: { id?: string; name: string; linkedIgAccountId?: string; ownerUserId?: string },
): FacebookPage {
  const page: FacebookPage = {
    id: input.id ?? numericId("1", 15),
    name: input.name,
    ownerUserId: input.ownerUserId ?? defaultFacebookUser(state).id,
    linkedIgAccountId: input.linkedIgAccountId,
    subscribedFields: [],
  };
  state.pages.set(page.id, page);
  if (input.linkedIgAccountId) {
    const account = state.accounts.get(input.linkedIgAccountId);
    if (account) account.pageId = page.id;
  }
  return page;
}

export interface NewLead {
  username: string;
  name?: string | null;
  followerCount?: number;
  followsBusiness?: boolean;
  businessFollowsUser?: boolean;
  verified?: boolean;
  blocked?: boolean;
}

export function createLead(state: SandboxState, input: NewLead): Lead {
  const lead: Lead = {
    id: `lead_${state.nextId++}`,
    username: input.username,
    name: input.name === undefined ? input.username : input.name,
    followerCount: input.followerCount ?? 340,
    followsBusiness: input.followsBusiness ?? false,
    businessFollowsUser: input.businessFollowsUser ?? false,
    verified: input.verified ?? false,
    blocked: input.blocked ?? false,
    igsidByAccount: new Map(),
  };
  state.leads.set(lead.id, lead);
  return lead;
}

/** The lead's IGSID for that account, minted on first use: one person, one IGSID per account (§5). */
export function igsidFor(lead: Lead, igAccountId: string): string {
  let igsid = lead.igsidByAccount.get(igAccountId);
  if (!igsid) {
    igsid = numericId(String(1 + (lead.igsidByAccount.size % 9)), 16);
    lead.igsidByAccount.set(igAccountId, igsid);
  }
  return igsid;
}

export function leadByIgsid(
  state: SandboxState,
  igAccountId: string,
  igsid: string,
): Lead | undefined {
  for (const lead of state.leads.values()) {
    if (lead.igsidByAccount.get(igAccountId) === igsid) return lead;
  }
  return undefined;
}

export function conversationOf(
  state: SandboxState,
  igAccountId: string,
  leadId: string,
): Conversation | undefined {
  for (const conversation of state.conversations.values()) {
    if (conversation.igAccountId === igAccountId && conversation.leadId === leadId) {
      return conversation;
    }
  }
  return undefined;
}

export function ensureConversation(
  state: SandboxState,
  account: InstagramAccount,
  lead: Lead,
  at: number,
): Conversation {
  const existing = conversationOf(state, account.igAccountId, lead.id);
  if (existing) return existing;
  const threadId = numericId("34028236", 39);
  const conversation: Conversation = {
    id: conversationId(account.igAccountId, threadId),
    igAccountId: account.igAccountId,
    leadId: lead.id,
    igsid: igsidFor(lead, account.igAccountId),
    updatedAt: at,
    mids: [],
  };
  state.conversations.set(conversation.id, conversation);
  return conversation;
}

/**
 * Scene-setting: a conversation the lead already had with the account before the sandbox started,
 * known by the lead's IGSID there and the time of their latest message. That time opens the 24 h
 * window (§2) and gives profile consent (§5) as the message itself did; the messages are not known
 * here, so the Conversations API lists the conversation with none. The caller has checked that no
 * other lead holds that IGSID for the account (one person, one IGSID per account, §5).
 */
export function restoreConversation(
  state: SandboxState,
  account: InstagramAccount,
  lead: Lead,
  input: { igsid?: string; lastInboundAt: number },
): Conversation {
  if (input.igsid) lead.igsidByAccount.set(account.igAccountId, input.igsid);
  const conversation = ensureConversation(state, account, lead, input.lastInboundAt);
  conversation.updatedAt = Math.max(conversation.updatedAt, input.lastInboundAt);
  conversation.lastInboundAt = Math.max(conversation.lastInboundAt ?? 0, input.lastInboundAt);
  return conversation;
}

/** The thread id inside a conversation id, reused to mint mids of that thread. */
export function threadIdOf(conversation: Conversation): string {
  return atob(conversation.id.replace(/-/g, "+").replace(/_/g, "/")).split(":").pop() ?? "0";
}

export function findAccount(state: SandboxState, id: string): InstagramAccount | undefined {
  return state.accounts.get(id) ??
    [...state.accounts.values()].find((a) => a.meId === id || a.username === id);
}
