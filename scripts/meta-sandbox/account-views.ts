/** JSON views of sandbox objects for the control API and the status page. */
import { tokensOfAccount } from "./tokens.ts";
import type { AccessToken, InstagramAccount, Lead, SandboxState } from "./sandbox-state.ts";

export function accountView(state: SandboxState, account: InstagramAccount) {
  const page = account.pageId ? state.pages.get(account.pageId) : undefined;
  return {
    igAccountId: account.igAccountId,
    meId: account.meId,
    tokenUserId: account.tokenUserId,
    username: account.username,
    name: account.name,
    loginPath: account.loginPath,
    pageId: account.pageId ?? null,
    facebookUserId: page?.ownerUserId ?? null,
    humanAgent: account.humanAgent,
    dmsDisabled: account.dmsDisabled,
    grantedScopes: account.grantedScopes,
    subscribedFields: page ? page.subscribedFields : account.subscribedFields,
    tokens: tokensOfAccount(state, account.igAccountId).map(tokenView),
  };
}

export function tokenView(token: AccessToken) {
  return {
    value: token.value,
    kind: token.kind,
    owner: token.owner,
    scopes: token.scopes,
    issuedAt: new Date(token.issuedAt).toISOString(),
    expiresAt: token.expiresAt === null ? null : new Date(token.expiresAt).toISOString(),
    revoked: token.revoked,
  };
}

export function leadView(lead: Lead) {
  return {
    id: lead.id,
    username: lead.username,
    name: lead.name,
    followerCount: lead.followerCount,
    followsBusiness: lead.followsBusiness,
    businessFollowsUser: lead.businessFollowsUser,
    verified: lead.verified,
    blocked: lead.blocked,
    igsids: Object.fromEntries(lead.igsidByAccount),
  };
}

export function stateSummary(state: SandboxState) {
  return {
    graphVersion: state.graphVersion,
    webhookUrl: state.webhookUrl,
    apps: {
      instagram: {
        appId: state.instagramApp.appId,
        codeExchangeShape: state.instagramApp.codeExchangeShape,
        webhookSecret: state.instagramApp.webhookSecret,
        redirectUris: state.instagramApp.redirectUris,
      },
      meta: { appId: state.metaApp.appId, redirectUris: state.metaApp.redirectUris },
    },
    accounts: [...state.accounts.values()].map((a) => accountView(state, a)),
    facebookUsers: [...state.facebookUsers.values()],
    pages: [...state.pages.values()].map((p) => ({
      id: p.id,
      name: p.name,
      ownerUserId: p.ownerUserId,
      linkedInstagramAccountId: p.linkedIgAccountId ?? null,
      subscribedFields: p.subscribedFields,
    })),
    leads: [...state.leads.values()].map(leadView),
    counts: {
      conversations: state.conversations.size,
      messages: state.messages.size,
      tokens: state.tokens.size,
      sent: state.sent.length,
      deliveries: state.deliveries.length,
      faults: state.faults.length,
    },
  };
}
