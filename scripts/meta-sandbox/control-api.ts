/**
 * The control API under `/_sandbox/`: set the scene (accounts, Pages, leads), make leads act, inject
 * faults, age or revoke tokens, and read what the functions sent and what webhooks went out.
 */
import { z } from "zod";
import { accountView, leadView, stateSummary } from "./account-views.ts";
import {
  createAccount,
  createFacebookUser,
  createLead,
  createPage,
  findAccount,
  igsidFor,
  leadByIgsid,
  restoreConversation,
} from "./directory.ts";
import {
  accountComments,
  commentView,
  leadComments,
  leadDeletesComment,
  leadEditsComment,
  publishMedia,
} from "./comment-actions.ts";
import { recordPublishingUsage } from "./content-publishing.ts";
import { addFault, describeFault, GRAPH_FAULTS, WEBHOOK_FAULTS } from "./faults.ts";
import type { SandboxServices } from "./graph-context.ts";
import { jsonResponse } from "./http-helpers.ts";
import { setUnavailableMetrics } from "./insights-api.ts";
import {
  ActionError,
  leadDeletesMessage,
  leadFollowsReferral,
  leadReacts,
  leadReads,
  leadSendsMessage,
  leadTapsPostback,
} from "./lead-actions.ts";
import { handleUiForm } from "./control-page.ts";
import { mediaResponse } from "./media.ts";
import { clearData, type InstagramAccount, type Lead } from "./sandbox-state.ts";
import { seedDemoData } from "./seed.ts";
import { ageTokens, issueToken, revokeTokens } from "./tokens.ts";
import { instagramEnvelope, timeUnit } from "./webhook-events.ts";

const attachment = z.object({
  type: z.string(),
  payload: z.record(z.string(), z.unknown()).optional(),
});

const schemas = {
  webhookTarget: z.object({ url: z.string().url().nullable() }),
  apps: z.object({
    codeExchangeShape: z.enum(["data", "flat"]).optional(),
    webhookSecret: z.enum(["instagram_app_secret", "meta_app_secret"]).optional(),
    instagramRedirectUris: z.array(z.string()).optional(),
    metaRedirectUris: z.array(z.string()).optional(),
  }),
  account: z.object({
    username: z.string().min(1),
    name: z.string().optional(),
    loginPath: z.enum(["instagram_login", "facebook_login"]),
    humanAgent: z.boolean().optional(),
    dmsDisabled: z.boolean().optional(),
    withPage: z.boolean().optional(),
    followersCount: z.number().int().optional(),
    subscribedFields: z.array(z.string()).optional(),
    igAccountId: z.string().regex(/^\d+$/).optional(),
    facebookUserId: z.string().optional(),
  }),
  facebookUser: z.object({ name: z.string().min(1) }),
  accountPatch: z.object({
    humanAgent: z.boolean().optional(),
    dmsDisabled: z.boolean().optional(),
    subscribedFields: z.array(z.string()).optional(),
  }),
  scopes: z.object({ granted: z.array(z.string()) }),
  insights: z.object({
    unavailable: z.array(z.string()).optional(),
    followersCount: z.number().int().nonnegative().optional(),
  }),
  page: z.object({
    name: z.string().min(1),
    linkedInstagramAccountId: z.string().optional(),
    facebookUserId: z.string().optional(),
  }),
  lead: z.object({
    username: z.string().min(1),
    name: z.string().nullable().optional(),
    followerCount: z.number().int().optional(),
    followsBusiness: z.boolean().optional(),
    businessFollowsUser: z.boolean().optional(),
    verified: z.boolean().optional(),
    blocked: z.boolean().optional(),
    /** conversations the lead already had before the sandbox started (scene-setting) */
    conversations: z.array(z.object({
      account: z.string(),
      igsid: z.string().regex(/^\d+$/).optional(),
      /** ms since the epoch: the lead's latest message to the account */
      lastInboundAt: z.number().int().positive(),
    })).optional(),
  }),
  leadPatch: z.object({
    blocked: z.boolean().optional(),
    followsBusiness: z.boolean().optional(),
    businessFollowsUser: z.boolean().optional(),
    verified: z.boolean().optional(),
  }),
  message: z.object({
    account: z.string(),
    text: z.string().optional(),
    attachments: z.array(attachment).optional(),
    replyToMid: z.string().optional(),
    replyToStory: z.object({ url: z.string(), id: z.string() }).optional(),
    quickReplyPayload: z.string().optional(),
    referral: z.record(z.string(), z.unknown()).optional(),
    isUnsupported: z.boolean().optional(),
    timestampSeconds: z.boolean().optional(),
    at: z.number().optional(),
  }),
  reaction: z.object({
    account: z.string(),
    mid: z.string(),
    action: z.enum(["react", "unreact"]),
    reaction: z.string().optional(),
    emoji: z.string().optional(),
  }),
  read: z.object({ account: z.string(), mid: z.string() }),
  postback: z.object({ account: z.string(), title: z.string(), payload: z.string() }),
  referral: z.object({ account: z.string(), ref: z.string(), source: z.string() }),
  publishingUsage: z.object({
    count: z.number().int().min(0).max(1000),
    at: z.number().optional(),
  }),
  media: z.object({
    account: z.string(),
    caption: z.string().optional(),
    mediaType: z.enum(["IMAGE", "VIDEO", "CAROUSEL_ALBUM"]).optional(),
    productType: z.enum(["FEED", "REELS", "AD"]).optional(),
    at: z.number().optional(),
  }),
  comment: z.object({
    account: z.string(),
    media: z.string(),
    text: z.string().min(1),
    parent: z.string().optional(),
    hidden: z.boolean().optional(),
    at: z.number().optional(),
  }),
  accountComment: z.object({
    media: z.string(),
    text: z.string().min(1),
    parent: z.string().optional(),
  }),
  commentEdit: z.object({ account: z.string(), comment: z.string(), text: z.string().min(1) }),
  commentDeletion: z.object({ account: z.string(), comment: z.string() }),
  deliver: z.object({
    account: z.string().optional(),
    events: z.array(z.unknown()).optional(),
    entries: z.array(z.object({
      account: z.string(),
      events: z.array(z.unknown()),
      time: z.number().optional(),
    })).optional(),
    batch: z.object({ duplicate: z.boolean().optional(), shuffle: z.boolean().optional() })
      .optional(),
    signWith: z.enum(["valid", "wrong", "none"]).optional(),
    timestampSeconds: z.boolean().optional(),
  }),
  fault: z.object({
    target: z.enum(["graph", "webhook"]),
    match: z.string().optional(),
    kind: z.enum([...GRAPH_FAULTS, ...WEBHOOK_FAULTS] as [string, ...string[]]),
    count: z.number().int().min(1).optional(),
  }),
  tokenAge: z.object({ account: z.string(), hours: z.number() }),
  tokenRevoke: z.object({ account: z.string() }),
};

class ControlError extends Error {
  constructor(readonly status: number, message: string, readonly details?: unknown) {
    super(message);
  }
}

async function body<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  let value: unknown;
  if (type.includes("application/x-www-form-urlencoded")) {
    value = Object.fromEntries(new URLSearchParams(await request.text()));
  } else {
    const text = await request.text();
    try {
      value = text ? JSON.parse(text) : {};
    } catch {
      throw new ControlError(400, "the body must be JSON");
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ControlError(
      422,
      "invalid body",
      result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  return result.data;
}

export async function handleControl(
  services: SandboxServices,
  request: Request,
  segments: string[],
): Promise<Response> {
  try {
    return await route(services, request, segments);
  } catch (error) {
    if (error instanceof ControlError) {
      return jsonResponse({ error: error.message, details: error.details }, error.status);
    }
    if (error instanceof ActionError) return jsonResponse({ error: error.message }, error.status);
    throw error;
  }
}

function accountOf(services: SandboxServices, id: string | undefined | null): InstagramAccount {
  const account = id ? findAccount(services.state, id) : undefined;
  if (!account) throw new ControlError(404, `no account ${id}`);
  return account;
}

function leadOf(services: SandboxServices, id: string): Lead {
  const lead = services.state.leads.get(id) ??
    [...services.state.leads.values()].find((l) => l.username === id);
  if (!lead) throw new ControlError(404, `no lead ${id}`);
  return lead;
}

async function route(services: SandboxServices, request: Request, segments: string[]) {
  const { state } = services;
  const method = request.method;
  const url = new URL(request.url);
  const [resource, id, action] = segments;
  const is = (m: string, r: string, withId = false, act?: string) =>
    method === m && resource === r && (withId ? id !== undefined : id === undefined) &&
    action === act;

  if (is("GET", "state")) return jsonResponse(stateSummary(state));
  if (is("POST", "reset")) {
    clearData(state);
    if (services.seed) seedDemoData(state);
    return jsonResponse({ ok: true });
  }
  if (is("POST", "webhook-target")) {
    state.webhookUrl = (await body(request, schemas.webhookTarget)).url;
    return jsonResponse({ url: state.webhookUrl });
  }
  if (is("POST", "apps")) {
    const input = await body(request, schemas.apps);
    if (input.codeExchangeShape) state.instagramApp.codeExchangeShape = input.codeExchangeShape;
    if (input.webhookSecret) state.instagramApp.webhookSecret = input.webhookSecret;
    if (input.instagramRedirectUris) state.instagramApp.redirectUris = input.instagramRedirectUris;
    if (input.metaRedirectUris) state.metaApp.redirectUris = input.metaRedirectUris;
    return jsonResponse(stateSummary(state).apps);
  }

  if (is("POST", "accounts")) {
    const input = await body(request, schemas.account);
    if (input.igAccountId && state.accounts.has(input.igAccountId)) {
      throw new ControlError(409, `account ${input.igAccountId} exists`);
    }
    const account = createAccount(state, input);
    return jsonResponse({
      ...accountView(state, account),
      ...issueStarterTokens(services, account),
    }, 201);
  }
  if (is("GET", "accounts")) {
    return jsonResponse([...state.accounts.values()].map((a) => accountView(state, a)));
  }
  if (is("GET", "accounts", true)) return jsonResponse(accountView(state, accountOf(services, id)));
  if (is("PATCH", "accounts", true)) {
    const account = accountOf(services, id);
    const input = await body(request, schemas.accountPatch);
    if (input.humanAgent !== undefined) account.humanAgent = input.humanAgent;
    if (input.dmsDisabled !== undefined) account.dmsDisabled = input.dmsDisabled;
    if (input.subscribedFields) {
      const page = account.pageId ? state.pages.get(account.pageId) : undefined;
      (page ?? account).subscribedFields = input.subscribedFields;
    }
    return jsonResponse(accountView(state, account));
  }
  if (is("POST", "accounts", true, "scopes")) {
    const account = accountOf(services, id);
    account.grantedScopes = (await body(request, schemas.scopes)).granted;
    return jsonResponse(accountView(state, account));
  }
  if (is("POST", "accounts", true, "insights")) {
    // what Meta stops serving for this account and its Page (§6), and its followers from now on
    const account = accountOf(services, id);
    const input = await body(request, schemas.insights);
    if (input.unavailable) {
      setUnavailableMetrics(state, account.igAccountId, input.unavailable);
      if (account.pageId) setUnavailableMetrics(state, account.pageId, input.unavailable);
    }
    if (input.followersCount !== undefined) account.followersCount = input.followersCount;
    return jsonResponse(accountView(state, account));
  }
  if (is("POST", "accounts", true, "comments")) {
    const account = accountOf(services, id);
    const input = await body(request, schemas.accountComment);
    return jsonResponse(await accountComments(actionContext(services), account, input), 201);
  }
  if (is("POST", "accounts", true, "publishing-usage")) {
    const account = accountOf(services, id);
    const input = await body(request, schemas.publishingUsage);
    return jsonResponse(recordPublishingUsage(state, account, input.count, input.at));
  }
  if (is("GET", "containers")) {
    const account = url.searchParams.get("account");
    const igAccountId = account ? accountOf(services, account).igAccountId : undefined;
    return jsonResponse(
      [...state.containers.values()].filter((c) => !igAccountId || c.igAccountId === igAccountId),
    );
  }
  if (is("POST", "media")) {
    const input = await body(request, schemas.media);
    const media = publishMedia(actionContext(services), accountOf(services, input.account), input);
    return jsonResponse(media, 201);
  }
  if (is("GET", "comments")) {
    const account = url.searchParams.get("account");
    const igAccountId = account ? accountOf(services, account).igAccountId : undefined;
    return jsonResponse(
      [...state.comments.values()].filter((c) => !igAccountId || c.igAccountId === igAccountId)
        .map(commentView),
    );
  }
  if (is("POST", "pages")) {
    const input = await body(request, schemas.page);
    if (input.linkedInstagramAccountId) accountOf(services, input.linkedInstagramAccountId);
    if (input.facebookUserId && !state.facebookUsers.has(input.facebookUserId)) {
      throw new ControlError(404, `no Facebook user ${input.facebookUserId}`);
    }
    const page = createPage(state, {
      name: input.name,
      linkedIgAccountId: input.linkedInstagramAccountId,
      ownerUserId: input.facebookUserId,
    });
    return jsonResponse({ id: page.id, name: page.name, ownerUserId: page.ownerUserId }, 201);
  }

  if (is("POST", "facebook-users")) {
    const user = createFacebookUser(state, (await body(request, schemas.facebookUser)).name);
    return jsonResponse(user, 201);
  }

  if (is("POST", "leads")) {
    const { conversations = [], ...input } = await body(request, schemas.lead);
    const earlier = conversations.map((c) => earlierConversation(services, c));
    if (new Set(earlier.map((c) => c.account)).size < earlier.length) {
      throw new ControlError(422, "one conversation per account");
    }
    const lead = createLead(state, input);
    const restored = earlier.map(({ account, igsid, lastInboundAt }) => {
      const conversation = restoreConversation(state, account, lead, { igsid, lastInboundAt });
      return {
        id: conversation.id,
        account: account.igAccountId,
        igsid: conversation.igsid,
        lastInboundAt,
      };
    });
    return jsonResponse({
      ...leadView(lead),
      ...(restored.length ? { conversations: restored } : {}),
    }, 201);
  }
  if (is("GET", "leads")) return jsonResponse([...state.leads.values()].map(leadView));
  if (is("GET", "leads", true)) {
    const lead = leadOf(services, id!);
    const accountId = url.searchParams.get("account");
    const igsid = accountId
      ? igsidFor(lead, accountOf(services, accountId).igAccountId)
      : undefined;
    return jsonResponse({ ...leadView(lead), ...(igsid ? { igsid } : {}) });
  }
  if (is("PATCH", "leads", true)) {
    const lead = leadOf(services, id!);
    Object.assign(lead, await body(request, schemas.leadPatch));
    return jsonResponse(leadView(lead));
  }
  if (method === "POST" && resource === "leads" && id && action) {
    return jsonResponse(await leadAction(services, request, leadOf(services, id), action));
  }

  if (is("POST", "deliver")) {
    return jsonResponse(await deliverBatch(services, await body(request, schemas.deliver)));
  }
  if (is("POST", "faults")) {
    const input = await body(request, schemas.fault);
    const allowed = input.target === "graph" ? GRAPH_FAULTS : WEBHOOK_FAULTS;
    if (!allowed.includes(input.kind as never)) {
      throw new ControlError(
        422,
        `${input.kind} is not a ${input.target} fault (${allowed.join(", ")})`,
      );
    }
    const fault = addFault(state, { ...input, kind: input.kind as never });
    return jsonResponse(describeFault(fault), 201);
  }
  if (is("POST", "faults", true, "release")) {
    const release = services.heldAnswers.get(Number(id));
    if (!release) throw new ControlError(409, `no answer is held by fault ${id}`);
    release();
    return jsonResponse({ released: true });
  }
  if (is("GET", "faults")) return jsonResponse(state.faults.map(describeFault));
  if (is("DELETE", "faults")) {
    state.faults.length = 0;
    return jsonResponse({ ok: true });
  }
  if (is("POST", "tokens", true) && id === "age") {
    const input = await body(request, schemas.tokenAge);
    const account = accountOf(services, input.account);
    return jsonResponse({ aged: ageTokens(state, account.igAccountId, input.hours) });
  }
  if (is("POST", "tokens", true) && id === "revoke") {
    const account = accountOf(services, (await body(request, schemas.tokenRevoke)).account);
    return jsonResponse({ revoked: revokeTokens(state, account.igAccountId) });
  }
  if (is("GET", "sent")) {
    const account = url.searchParams.get("account");
    const igAccountId = account ? accountOf(services, account).igAccountId : undefined;
    return jsonResponse(state.sent.filter((s) => !igAccountId || s.igAccountId === igAccountId));
  }
  if (is("GET", "deliveries")) return jsonResponse(state.deliveries);
  if (method === "GET" && resource === "media") return mediaResponse(id ?? "");
  if (method === "POST" && resource === "ui" && id) {
    return await handleUiForm(services, request, id);
  }
  throw new ControlError(404, `no control route ${method} /_sandbox/${segments.join("/")}`);
}

/**
 * A conversation a new lead already had, checked before anything is made: the account exists, the
 * IGSID is no other lead's for it (§5: one person, one IGSID per account), and the lead's latest
 * message is not in the future.
 */
function earlierConversation(
  services: SandboxServices,
  input: { account: string; igsid?: string; lastInboundAt: number },
) {
  const account = accountOf(services, input.account);
  if (input.igsid && leadByIgsid(services.state, account.igAccountId, input.igsid)) {
    throw new ControlError(
      409,
      `IGSID ${input.igsid} is another lead's for account ${account.igAccountId}`,
    );
  }
  if (input.lastInboundAt > Date.now()) {
    throw new ControlError(422, "lastInboundAt is in the future");
  }
  return { account, igsid: input.igsid, lastInboundAt: input.lastInboundAt };
}

/** Accounts made through the control API come with working tokens, so tests can skip OAuth. */
function issueStarterTokens(services: SandboxServices, account: InstagramAccount) {
  const { state } = services;
  if (account.loginPath === "instagram_login") {
    const token = issueToken(
      state,
      "instagram_long",
      { type: "instagram_account", igAccountId: account.igAccountId },
      account.grantedScopes,
    );
    return { accessToken: token.value };
  }
  const page = account.pageId ? state.pages.get(account.pageId) : undefined;
  if (!page) return {};
  const user = issueToken(
    state,
    "facebook_user_long",
    { type: "facebook_user", userId: page.ownerUserId },
    account.grantedScopes,
  );
  const pageToken = issueToken(
    state,
    "page",
    { type: "page", pageId: page.id },
    account.grantedScopes,
  );
  return { accessToken: pageToken.value, userAccessToken: user.value };
}

const actionContext = (services: SandboxServices) => ({
  state: services.state,
  webhooks: services.webhooks,
  baseUrl: services.baseUrl,
});

async function leadAction(services: SandboxServices, request: Request, lead: Lead, action: string) {
  const context = actionContext(services);
  switch (action) {
    case "comments": {
      const input = await body(request, schemas.comment);
      return await leadComments(context, lead, accountOf(services, input.account), input);
    }
    case "comment-edits": {
      const input = await body(request, schemas.commentEdit);
      return await leadEditsComment(context, lead, accountOf(services, input.account), input);
    }
    case "comment-deletions": {
      const input = await body(request, schemas.commentDeletion);
      return await leadDeletesComment(context, lead, accountOf(services, input.account), input);
    }
    case "messages": {
      const input = await body(request, schemas.message);
      return await leadSendsMessage(context, lead, accountOf(services, input.account), input);
    }
    case "reactions": {
      const input = await body(request, schemas.reaction);
      return await leadReacts(context, lead, accountOf(services, input.account), input);
    }
    case "reads": {
      const input = await body(request, schemas.read);
      return await leadReads(context, lead, accountOf(services, input.account), input);
    }
    case "postbacks": {
      const input = await body(request, schemas.postback);
      return await leadTapsPostback(context, lead, accountOf(services, input.account), input);
    }
    case "referrals": {
      const input = await body(request, schemas.referral);
      return await leadFollowsReferral(context, lead, accountOf(services, input.account), input);
    }
    case "deletions": {
      const input = await body(request, schemas.read);
      return await leadDeletesMessage(context, lead, accountOf(services, input.account), input);
    }
  }
  throw new ControlError(404, `no lead action ${action}`);
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  // A shuffle that changed nothing would make an out-of-order test pass by luck.
  if (copy.length > 1 && copy.every((item, i) => item === items[i])) copy.push(copy.shift()!);
  return copy;
}

/** `POST /_sandbox/deliver`: raw messaging events, one or several entries, delivered as one POST. */
async function deliverBatch(services: SandboxServices, input: z.infer<typeof schemas.deliver>) {
  const entries = input.entries ??
    (input.account ? [{ account: input.account, events: input.events ?? [] }] : []);
  if (entries.length === 0) throw new ControlError(422, "give account and events, or entries");
  // One POST carries one signature, so its entries must share a login path (§3: Instagram-Login and
  // Page accounts are signed with different secrets here).
  const paths = new Set(entries.map((entry) => accountOf(services, entry.account).loginPath));
  if (paths.size > 1) {
    throw new ControlError(
      422,
      "entries of Instagram-Login and Facebook-Login accounts cannot share one delivery",
    );
  }
  const seconds = input.timestampSeconds ?? false;
  let built = entries.map((entry) => {
    const events = input.batch?.duplicate ? entry.events.flatMap((e) => [e, e]) : entry.events;
    return {
      igAccountId: accountOf(services, entry.account).igAccountId,
      events: input.batch?.shuffle ? shuffle(events) : events,
      time: entry.time ?? timeUnit(Date.now(), seconds),
    };
  });
  if (input.batch?.shuffle) built = shuffle(built);
  const payload = instagramEnvelope(built, seconds);
  const record = await services.webhooks.deliver({
    igAccountId: built[0]!.igAccountId,
    payload,
    field: null,
    signWith: input.signWith,
  });
  return {
    delivery: { id: record.id, status: record.status, attempts: record.attempts, ok: record.ok },
    signature: record.signature,
    body: record.body,
  };
}
