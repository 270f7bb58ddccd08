/**
 * Everything the sandbox knows, in memory only. One object so tests can look inside
 * (`startMetaSandbox().state`) and `POST /_sandbox/reset` can start over.
 */

export type LoginPath = "instagram_login" | "facebook_login";
export type CodeExchangeShape = "data" | "flat";

export interface InstagramApp {
  appId: string;
  appSecret: string;
  /** The code exchange answers Meta's documented `{data:[...]}` or the flat shape seen in practice (§1A). */
  codeExchangeShape: CodeExchangeShape;
  /** §3 ⚠: which secret signs Instagram-Login webhooks is not settled; default is the Instagram app secret. */
  webhookSecret: "instagram_app_secret" | "meta_app_secret";
  /** Registered redirect URIs; empty accepts any http(s) URI (no App Dashboard here). */
  redirectUris: string[];
}

export interface MetaApp {
  appId: string;
  appSecret: string;
  redirectUris: string[];
}

export interface InstagramAccount {
  /** The professional account id: `/<IG_ID>/...` paths, webhook `entry.id`, `/me` `user_id` (§1A). */
  igAccountId: string;
  /** `/me` `id`: app-scoped, differs from the others (§1A ⚠ quirk). */
  meId: string;
  /** `user_id` in the code exchange answer ("Instagram-scoped user ID", §1A). */
  tokenUserId: string;
  username: string;
  name: string;
  followersCount: number;
  loginPath: LoginPath;
  /** Facebook Login accounts are reached through this Page (§1B). */
  pageId?: string;
  humanAgent: boolean;
  dmsDisabled: boolean;
  /** What the person currently grants the app; a token only works for scopes in both it and here. */
  grantedScopes: string[];
  /** `subscribed_apps` for Instagram Login accounts (Pages keep their own). */
  subscribedFields: string[];
}

export interface FacebookUser {
  id: string;
  name: string;
}

export interface FacebookPage {
  id: string;
  name: string;
  ownerUserId: string;
  linkedIgAccountId?: string;
  subscribedFields: string[];
}

export interface Lead {
  id: string;
  username: string;
  name: string | null;
  followerCount: number;
  followsBusiness: boolean;
  businessFollowsUser: boolean;
  verified: boolean;
  blocked: boolean;
  /** IGSIDs are per person *and* per account (§5): account id → IGSID. */
  igsidByAccount: Map<string, string>;
}

export type TokenKind =
  | "instagram_short"
  | "instagram_long"
  | "facebook_user_short"
  | "facebook_user_long"
  | "page";

export type TokenOwner =
  | { type: "instagram_account"; igAccountId: string }
  | { type: "facebook_user"; userId: string }
  | { type: "page"; pageId: string };

export interface AccessToken {
  value: string;
  kind: TokenKind;
  issuedAt: number;
  /** null: Page tokens from a long-lived user token never expire (§1B). */
  expiresAt: number | null;
  scopes: string[];
  owner: TokenOwner;
  revoked: boolean;
}

export interface AuthorizationCode {
  code: string;
  app: "instagram" | "meta";
  redirectUri: string;
  scopes: string[];
  /** IG account id (Instagram Login) or Facebook user id (Facebook Login). */
  subject: string;
  issuedAt: number;
  used: boolean;
}

export interface Attachment {
  type: string;
  payload?: Record<string, unknown>;
}

export interface StoredMessage {
  mid: string;
  conversationId: string;
  igAccountId: string;
  igsid: string;
  direction: "inbound" | "outbound";
  createdAt: number;
  text?: string;
  attachments?: Attachment[];
  replyTo?: Record<string, unknown>;
  isUnsupported?: boolean;
  isDeleted?: boolean;
  reactions: { reaction: string; emoji?: string; byIgsid: boolean }[];
}

export interface Conversation {
  id: string;
  igAccountId: string;
  leadId: string;
  igsid: string;
  updatedAt: number;
  /**
   * The lead's latest message or postback to the account: opens the 24 h window (§2) and gives
   * profile consent (§5: "sends a message ... or clicks an icebreaker or persistent menu").
   */
  lastInboundAt?: number;
  /** Oldest first; the API answers newest first. */
  mids: string[];
}

/** A post, reel or ad of an account (§9 "Media"). */
export interface StoredMedia {
  id: string;
  igAccountId: string;
  caption: string;
  mediaType: "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM";
  mediaProductType: "FEED" | "REELS" | "AD";
  mediaUrl: string;
  permalink: string;
  createdAt: number;
}

/** A media container on its way to a post (§7): an image, a carousel item or a carousel. */
export interface StoredContainer {
  id: string;
  igAccountId: string;
  kind: "IMAGE" | "CAROUSEL";
  isCarouselItem: boolean;
  imageUrl?: string;
  altText?: string;
  caption?: string;
  /** carousel item container ids, in order */
  children?: string[];
  createdAt: number;
  /** IN_PROGRESS until then */
  readyAt: number;
  /** why processing failed: the status is ERROR once ready */
  error?: string;
  /** the post it became: PUBLISHED */
  mediaId?: string;
  /** every status_code a status read answered, in order (tests look at the polling) */
  statusReads: ContainerStatus[];
}

/** A container's `status_code` (§7 "Status polling"). */
export type ContainerStatus = "IN_PROGRESS" | "FINISHED" | "ERROR" | "EXPIRED" | "PUBLISHED";

/** A comment on a media, by a lead or by the account itself (§9). */
export interface StoredComment {
  id: string;
  mediaId: string;
  igAccountId: string;
  /** the lead who wrote it; none when the account itself did */
  leadId?: string;
  /** the author's IGSID for the account, or the account's own id */
  fromId: string;
  username: string;
  text: string;
  createdAt: number;
  /** the top-level comment a reply belongs to (§9 "Replies": one level deep) */
  parentId?: string;
  hidden: boolean;
  deleted: boolean;
  /** the mid of the one private reply Meta allows for it (§9 "Private Replies") */
  privateReplyMid?: string;
}

export interface SentRecord {
  at: number;
  igAccountId: string;
  recipientId: string;
  leadId?: string;
  host: "graph.instagram.com" | "graph.facebook.com";
  body: Record<string, unknown>;
  tag?: string;
  messagingType?: string;
  outcome: { ok: true; mid?: string } | { ok: false; code: number; subcode?: number };
}

export interface DeliveryRecord {
  id: number;
  at: number;
  url: string | null;
  igAccountId?: string;
  body: string;
  signature: string | null;
  /** HTTP status of the last attempt, or what kept it from being sent. */
  status: number | "pending" | "network_error" | "no_target" | "not_subscribed" | "deferred";
  attempts: number;
  ok: boolean;
  error?: string;
  note?: string;
}

export type FaultKind =
  | "http_500"
  | "http_503"
  | "timeout"
  | "rate_limit_4"
  | "rate_limit_17"
  | "rate_limit_32"
  | "rate_limit_613"
  | "sent_then_error"
  | "hold_answer"
  | "duplicate_delivery"
  | "out_of_order";

export interface Fault {
  id: number;
  target: "graph" | "webhook";
  match?: RegExp;
  kind: FaultKind;
  remaining: number;
}

export interface SandboxState {
  graphVersion: string;
  webhookUrl: string | null;
  instagramApp: InstagramApp;
  metaApp: MetaApp;
  accounts: Map<string, InstagramAccount>;
  facebookUsers: Map<string, FacebookUser>;
  pages: Map<string, FacebookPage>;
  leads: Map<string, Lead>;
  codes: Map<string, AuthorizationCode>;
  tokens: Map<string, AccessToken>;
  conversations: Map<string, Conversation>;
  messages: Map<string, StoredMessage>;
  media: Map<string, StoredMedia>;
  comments: Map<string, StoredComment>;
  containers: Map<string, StoredContainer>;
  /** posts published through media_publish, for the 24-hour publishing limit (§7) */
  publishLog: { igAccountId: string; at: number; mediaId: string }[];
  sent: SentRecord[];
  deliveries: DeliveryRecord[];
  faults: Fault[];
  nextId: number;
}

export interface AppCredentials {
  instagramAppId: string;
  instagramAppSecret: string;
  metaAppId: string;
  metaAppSecret: string;
}

export function createState(
  credentials: AppCredentials,
  graphVersion: string,
  webhookUrl: string | null,
): SandboxState {
  return {
    graphVersion,
    webhookUrl,
    instagramApp: {
      appId: credentials.instagramAppId,
      appSecret: credentials.instagramAppSecret,
      codeExchangeShape: "data",
      webhookSecret: "instagram_app_secret",
      redirectUris: [],
    },
    metaApp: {
      appId: credentials.metaAppId,
      appSecret: credentials.metaAppSecret,
      redirectUris: [],
    },
    accounts: new Map(),
    facebookUsers: new Map(),
    pages: new Map(),
    leads: new Map(),
    codes: new Map(),
    tokens: new Map(),
    conversations: new Map(),
    messages: new Map(),
    media: new Map(),
    comments: new Map(),
    containers: new Map(),
    publishLog: [],
    sent: [],
    deliveries: [],
    faults: [],
    nextId: 1,
  };
}

/** Drops every account, lead, token, message, log and fault; keeps app configuration and webhook target. */
export function clearData(state: SandboxState) {
  for (
    const map of [
      state.accounts,
      state.facebookUsers,
      state.pages,
      state.leads,
      state.codes,
      state.tokens,
      state.conversations,
      state.messages,
      state.media,
      state.comments,
      state.containers,
    ]
  ) map.clear();
  state.publishLog.length = 0;
  state.sent.length = 0;
  state.deliveries.length = 0;
  state.faults.length = 0;
}

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
/** §1A/§1B: long-lived tokens answer `expires_in: 5183944` seconds (about 60 days). */
export const LONG_LIVED_SECONDS = 5183944;
