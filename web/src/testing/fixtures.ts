import type { ConnectedAccountsResponse } from "@dm-desk/shared/contracts/connected-accounts";
import type { ThreadComment } from "@dm-desk/shared/contracts/comments";
import type { InboxConversation } from "@dm-desk/shared/contracts/inbox-conversations";
import type { ThreadMessage } from "@dm-desk/shared/contracts/inbox-messages";
import type { MyWorkspace } from "@dm-desk/shared/contracts/my-workspaces";
import type { MessageTemplate } from "@dm-desk/shared/schemas/message-template";
import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";

type Account = ConnectedAccountsResponse["accounts"][number];

const DAY_MS = 24 * 60 * 60 * 1000;
export const WORKSPACE_ID = "00000000-0000-4000-8000-00000000a001";
export const OTHER_WORKSPACE_ID = "00000000-0000-4000-8000-00000000a002";

export function fakeWorkspace(overrides: Partial<MyWorkspace> = {}): MyWorkspace {
  return {
    imo_id: WORKSPACE_ID,
    name: "Northwind Recruiting",
    slug: "northwind",
    role: "owner",
    plan_code: "team",
    plan_name: "Team",
    features: {
      instagram_messaging: true,
      instagram_scheduled_messages: true,
      instagram_templates: true,
    },
    ...overrides,
  };
}

export const isoFromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

let accountCounter = 0;

/** A healthy Instagram Login account, 59 days left on its token, a webhook an hour ago. */
export function fakeAccount(
  overrides: Partial<Omit<Account, "health">> = {},
  health: Partial<Account["health"]> = {},
): Account {
  accountCounter += 1;
  const suffix = String(accountCounter).padStart(12, "0");
  const expiresAt = isoFromNow(59 * DAY_MS + 3_600_000);
  const account = {
    id: `00000000-0000-4000-8000-${suffix}`,
    imo_id: WORKSPACE_ID,
    connected_by: null,
    platform: "instagram" as const,
    auth_path: "instagram_login" as const,
    external_account_id: `1784140000${suffix}`,
    external_ids: [],
    facebook_page_id: null,
    linked_account_id: null,
    username: `recruit.${accountCounter}`,
    display_name: null,
    profile_picture_url: null,
    token_expires_at: expiresAt,
    token_issued_at: isoFromNow(-DAY_MS),
    token_refreshed_at: null,
    scopes: ["instagram_business_basic", "instagram_business_manage_messages"],
    human_agent_permission: false,
    ai_default_mode: null,
    status: "connected" as const,
    status_reason: null,
    last_webhook_at: isoFromNow(-3_600_000),
    service_url: null,
    last_polled_at: null,
    last_error: null,
    last_error_at: null,
    connected_at: isoFromNow(-DAY_MS),
    disconnected_at: null,
    created_at: isoFromNow(-DAY_MS),
    updated_at: isoFromNow(-DAY_MS),
    ...overrides,
  };
  return {
    ...account,
    health: {
      status: account.status,
      token_expires_at: account.token_expires_at,
      token_expires_in_seconds: account.token_expires_at
        ? Math.max(0, Math.floor((Date.parse(account.token_expires_at) - Date.now()) / 1000))
        : null,
      token_refresh_due: false,
      required_scopes: ["instagram_business_basic", "instagram_business_manage_messages"],
      granted_scopes: account.scopes,
      missing_scopes: [],
      last_webhook_at: account.last_webhook_at,
      webhooks_quiet: false,
      last_error: account.last_error,
      last_error_at: account.last_error_at,
      needs_reconnect: false,
      ...health,
    },
  };
}

let conversationCounter = 0;

/** An inbox row: a contact who wrote 2 hours ago (window open, 22 h left), one unread message. */
export function fakeConversation(
  overrides: Partial<InboxConversation> = {},
  lastInboundMsAgo = 2 * 3_600_000,
): InboxConversation {
  conversationCounter += 1;
  const suffix = String(conversationCounter).padStart(12, "0");
  const inboundAt = Date.now() - lastInboundMsAgo;
  return {
    id: `00000000-0000-4000-9000-${suffix}`,
    channel_account_id: "00000000-0000-4000-8000-000000000001",
    platform: "instagram",
    contact: {
      id: `00000000-0000-4000-a000-${suffix}`,
      username: `candidate.${conversationCounter}`,
      display_name: `Candidate ${conversationCounter}`,
      profile_picture_url: null,
    },
    preview: "Hi, is the recruiter role still open?",
    last_message_at: new Date(inboundAt).toISOString(),
    last_message_direction: "inbound",
    unread_count: 1,
    window: {
      state: lastInboundMsAgo < 23 * 3_600_000
        ? "open"
        : lastInboundMsAgo < 24 * 3_600_000
        ? "closing_soon"
        : lastInboundMsAgo < 7 * 24 * 3_600_000
        ? "human_agent"
        : "closed",
      reply_until: new Date(inboundAt + 24 * 3_600_000).toISOString(),
      human_agent_until: new Date(inboundAt + 7 * 24 * 3_600_000).toISOString(),
      seconds_left: Math.max(0, Math.floor((24 * 3_600_000 - lastInboundMsAgo) / 1000)),
    },
    is_priority: false,
    assignee: null,
    lead: null,
    archived_at: null,
    ...overrides,
  };
}

let messageCounter = 0;

/** A message in a thread: inbound from the contact unless overridden. */
export function fakeMessage(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  messageCounter += 1;
  return {
    id: `00000000-0000-4000-b000-${String(messageCounter).padStart(12, "0")}`,
    conversation_id: "00000000-0000-4000-9000-000000000001",
    direction: "inbound",
    type: "text",
    text: `Message ${messageCounter}`,
    attachments: [],
    reactions: [],
    author: { kind: "contact", user_id: null, display_name: null },
    reply_to: null,
    status: "delivered",
    error: null,
    external_id: `mid.${messageCounter}`,
    sent_at: isoFromNow(-3_600_000 + messageCounter * 1000),
    delivered_at: null,
    read_at: null,
    deleted_at: null,
    ...overrides,
  };
}

let scheduledCounter = 0;

/** A member's scheduled message, pending, for an hour from now, in a conversation of the IMO. */
export function fakeScheduledMessage(overrides: Partial<ScheduledMessage> = {}): ScheduledMessage {
  scheduledCounter += 1;
  const now = new Date().toISOString();
  return {
    id: `00000000-0000-4000-b000-${String(scheduledCounter).padStart(12, "0")}`,
    imo_id: WORKSPACE_ID,
    channel_account_id: "00000000-0000-4000-8000-000000000001",
    conversation_id: "00000000-0000-4000-9000-000000000001",
    created_by: null,
    template_id: null,
    text: "Following up on our chat!",
    scheduled_for: isoFromNow(3_600_000),
    window_expires_at: isoFromNow(20 * 3_600_000),
    status: "pending",
    attempts: 0,
    last_error: null,
    sent_message_id: null,
    sent_at: null,
    cancelled_at: null,
    cancelled_by: null,
    created_at: now,
    updated_at: now,
    wait_for_reply: false,
    cancel_if_reply: false,
    origin: "member",
    lease_until: null,
    released_at: null,
    ...overrides,
  };
}

/** A template of the IMO. */
export function fakeTemplate(overrides: Partial<MessageTemplate> = {}): MessageTemplate {
  const now = new Date().toISOString();
  return {
    id: "00000000-0000-4000-8000-0000000000c1",
    imo_id: WORKSPACE_ID,
    name: "Greeting",
    content: "Hi {{first_name}}!",
    category: "greeting",
    use_count: 0,
    created_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    ...overrides,
  };
}

/** A contact's comment under a post, a minute old, inside its 7 days for a private reply. */
export function fakeComment(overrides: Partial<ThreadComment> = {}): ThreadComment {
  return {
    id: "00000000-0000-4000-9000-0000000000c1",
    post_id: "00000000-0000-4000-9000-0000000000a1",
    parent_id: null,
    external_id: "17890000000000001",
    author: {
      kind: "contact",
      contact_id: "00000000-0000-4000-9000-0000000000d1",
      username: "jamie",
      user_id: null,
      display_name: null,
    },
    text: "JOIN",
    edits: [],
    status: "sent",
    error: null,
    commented_at: isoFromNow(-60_000),
    edited_at: null,
    hidden_at: null,
    deleted_at: null,
    is_unread: false,
    private_reply: null,
    private_reply_until: isoFromNow(7 * DAY_MS),
    ai: null,
    ...overrides,
  };
}
