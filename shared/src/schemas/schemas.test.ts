import assert from "node:assert/strict";
import { test } from "node:test";
import type { z } from "zod";
import { type ChannelAccount, channelAccountSchema } from "./channel-account.ts";
import { contactSchema } from "./contact.ts";
import { conversationSchema } from "./conversation.ts";
import { imoMemberSchema } from "./imo-member.ts";
import { imoSubscriptionSchema } from "./imo-subscription.ts";
import { imoSchema } from "./imo.ts";
import { messageTemplateSchema } from "./message-template.ts";
import { messageAttachmentSchema, messageReactionSchema, messageSchema } from "./message.ts";
import { recruitingLeadSchema } from "./recruiting-lead.ts";
import { scheduledMessageSchema } from "./scheduled-message.ts";
import { subscriptionPlanSchema } from "./subscription-plan.ts";
import { usageCounterSchema } from "./usage-counter.ts";

// ids as gen_random_uuid() makes them; timestamps as PostgREST writes them
const IMO = "3f1c2b8e-9d4a-4e6f-8a1b-2c3d4e5f6a7b";
const USER = "d0000000-0000-4000-8000-000000000001";
const ACCOUNT = "6b0e5f4a-1c2d-4e3f-9a8b-7c6d5e4f3a2b";
const CONTACT = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
const CONVERSATION = "0f9e8d7c-6b5a-4f3e-a2d1-c0b9a8f7e6d5";
const LEAD = "5e4d3c2b-1a0f-4e9d-b8c7-a6b5c4d3e2f1";
const MESSAGE = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
const TEMPLATE = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
const T = "2026-11-22T12:00:00.123456+00:00";
const T2 = "2026-11-23T09:30:00Z";

const imo = {
  id: IMO,
  name: "Summit Financial Group",
  slug: "summit-financial",
  created_at: T,
  updated_at: T,
};
const imoMember = {
  imo_id: IMO,
  user_id: USER,
  role: "owner",
  display_name: "Dana Demo",
  created_at: T,
};
const subscriptionPlan = {
  code: "team",
  name: "Team",
  monthly_price_cents: 5000,
  features: {
    instagram_messaging: true,
    instagram_scheduled_messages: true,
    instagram_templates: true,
  },
  created_at: T,
  is_offered: true,
};
const imoSubscription = {
  imo_id: IMO,
  plan_code: "team",
  status: "trialing",
  current_period_end: "2026-12-22T12:00:00+00:00",
  created_at: T,
  updated_at: T,
};
const channelAccount = {
  id: ACCOUNT,
  imo_id: IMO,
  connected_by: USER,
  platform: "instagram",
  auth_path: "instagram_login",
  external_account_id: "17841400000000001",
  external_ids: ["17841400000000001", "9876543210"],
  facebook_page_id: null,
  linked_account_id: null,
  username: "summit.recruiting",
  display_name: "Summit Recruiting",
  profile_picture_url: "https://scontent.cdninstagram.com/v/t51/profile.jpg",
  token_expires_at: "2027-01-21T12:00:00+00:00",
  token_issued_at: T,
  token_refreshed_at: null,
  scopes: ["instagram_business_basic", "instagram_business_manage_messages"],
  human_agent_permission: false,
  ai_default_mode: null,
  status: "connected",
  status_reason: null,
  last_webhook_at: T2,
  service_url: null,
  last_polled_at: null,
  last_error: null,
  last_error_at: null,
  connected_at: T,
  disconnected_at: null,
  created_at: T,
  updated_at: T,
};
const contact = {
  id: CONTACT,
  imo_id: IMO,
  channel_account_id: ACCOUNT,
  external_id: "1234567890123456",
  username: "jordan.recruit",
  display_name: "Jordan Lee",
  profile_picture_url: null,
  follower_count: 1280,
  is_verified: false,
  is_user_follow_business: true,
  is_business_follow_user: null,
  profile_fetched_at: T,
  profile_fetch_attempts: 1,
  profile_fetch_error: null,
  is_priority: false,
  recruiting_lead_id: LEAD,
  created_at: T,
  updated_at: T,
};
const conversation = {
  id: CONVERSATION,
  imo_id: IMO,
  channel_account_id: ACCOUNT,
  contact_id: CONTACT,
  kind: "direct",
  external_conversation_id: null,
  last_message_at: T2,
  last_message_preview: "Hi! Is the agent role still open?",
  last_message_direction: "inbound",
  unread_count: 2,
  last_read_at: null,
  last_inbound_at: T2,
  can_reply_until: "2026-11-24T09:30:00+00:00",
  human_agent_until: "2026-11-30T09:30:00+00:00",
  only_story_mentions: false,
  is_priority: true,
  recruiting_lead_id: LEAD,
  assigned_to: USER,
  ai_mode: "supervised",
  ai_takeover_until: null,
  ai_takeover_by: null,
  qualification_state: "qualifying",
  lead_source_type: "ad",
  lead_source_ref: "spring_hiring",
  lead_source_ad_id: "120200000000001",
  lead_source_referral: { ref: "spring_hiring", source: "ADS", type: "OPEN_THREAD" },
  lead_source_at: T2,
  archived_at: null,
  created_at: T,
  updated_at: T2,
};
const message = {
  id: MESSAGE,
  imo_id: IMO,
  channel_account_id: ACCOUNT,
  conversation_id: CONVERSATION,
  external_id: "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx",
  client_message_id: null,
  direction: "inbound",
  author_kind: "contact",
  author_user_id: null,
  type: "media",
  text: null,
  attachments: [
    { type: "image", url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1" },
    {
      type: "ig_reel",
      url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2",
      title: "Day in the life of an agent",
      reel_video_id: "18000000000000001",
    },
    { type: "share" },
  ],
  edits: [
    { num_edit: 0, text: null, at: T2 },
    { num_edit: 1, text: "see attached", at: "2026-11-23T09:31:00.5Z" },
  ],
  reactions: [
    { by: "user", reaction: "love", emoji: "❤️", at: T2 },
    { by: "contact", reaction: "other", at: "2026-11-23T09:31:00.5Z" },
  ],
  reactions_changed_at: { user: T2, contact: "2026-11-23T09:31:00.5+00:00" },
  reply_to_message_id: null,
  reply_to_external_id: null,
  reply_to_story: null,
  post: null,
  quick_reply_payload: null,
  postback_payload: null,
  status: "delivered",
  error_code: null,
  error_message: null,
  sent_at: T2,
  delivered_at: T2,
  read_at: null,
  deleted_at: null,
  created_at: T2,
  updated_at: T2,
  scheduled_message_id: null,
  automation_rule: null,
  private_reply_to_comment_id: null,
  comment_rule_id: null,
};
const outboundMessage = {
  ...message,
  id: "8b7c6d5e-4f3a-4b2c-8d9e-0f1a2b3c4d5e",
  external_id: null,
  client_message_id: "9c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e6f",
  direction: "outbound",
  author_kind: "user",
  author_user_id: USER,
  type: "text",
  text: "Yes! Want to hop on a call tomorrow? 📞",
  attachments: [],
  reactions: [],
  reply_to_message_id: MESSAGE,
  status: "pending",
  delivered_at: null,
};
const storyReply = {
  ...message,
  id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
  type: "story_reply",
  text: "Love this!",
  attachments: [],
  reply_to_story: { id: "18000000000000002", url: "https://lookaside.fbsbx.com/story/1" },
};
const messageTemplate = {
  id: TEMPLATE,
  imo_id: IMO,
  name: "Warm greeting",
  content: "Hi {first_name}! Thanks for reaching out about joining our team 🙌",
  category: "greeting",
  use_count: 12,
  created_by: USER,
  created_at: T,
  updated_at: T,
  deleted_at: null,
};
const scheduledMessage = {
  id: "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a",
  imo_id: IMO,
  channel_account_id: ACCOUNT,
  conversation_id: CONVERSATION,
  created_by: USER,
  template_id: TEMPLATE,
  text: "Just checking in: does 3 pm work for you?",
  scheduled_for: "2026-11-23T15:00:00+00:00",
  window_expires_at: "2026-11-24T09:30:00+00:00",
  status: "pending",
  attempts: 0,
  last_error: null,
  sent_message_id: null,
  sent_at: null,
  cancelled_at: null,
  cancelled_by: null,
  created_at: T2,
  updated_at: T2,
  wait_for_reply: false,
  cancel_if_reply: true,
  origin: "member",
  lease_until: null,
  released_at: null,
};
const recruitingLead = {
  id: LEAD,
  imo_id: IMO,
  full_name: "Jordan Lee",
  email: "jordan@example.com",
  phone: null,
  instagram_username: "jordan.recruit",
  lead_source: "instagram_dm",
  status: "contacted",
  notes: "Licensed in TX, interested in part-time.",
  owner_user_id: USER,
  created_by: null,
  created_at: T,
  updated_at: T,
  conversation_id: CONVERSATION,
};
const usageCounter = {
  imo_id: IMO,
  metric: "messages_sent",
  period_start: "2026-11-22",
  count: 42,
  updated_at: T,
};

// deno-lint-ignore no-explicit-any
type AnySchema = z.ZodType<any, any>;
const cases: [string, AnySchema, Record<string, unknown>, Record<string, unknown>][] = [
  ["imo", imoSchema, imo, { ...imo, id: "not-a-uuid" }],
  ["imo member", imoMemberSchema, imoMember, { ...imoMember, role: "manager" }],
  ["subscription plan", subscriptionPlanSchema, subscriptionPlan, {
    ...subscriptionPlan,
    features: { instagram_messaging: "yes" },
  }],
  ["imo subscription", imoSubscriptionSchema, imoSubscription, {
    ...imoSubscription,
    status: "cancelled",
  }],
  ["channel account", channelAccountSchema, channelAccount, {
    ...channelAccount,
    status: "active",
  }],
  ["contact", contactSchema, contact, { ...contact, is_priority: null }],
  ["conversation", conversationSchema, conversation, {
    ...conversation,
    last_inbound_at: "2026-11-23 09:30:00",
  }],
  ["inbound message", messageSchema, message, {
    ...message,
    attachments: [{ type: "sticker", url: "https://example.com/s.png" }],
  }],
  ["outbound message", messageSchema, outboundMessage, {
    ...outboundMessage,
    author_user_id: null,
  }],
  ["story reply", messageSchema, storyReply, { ...storyReply, reply_to_story: "story" }],
  ["message template", messageTemplateSchema, messageTemplate, {
    ...messageTemplate,
    category: "follow-up",
  }],
  ["scheduled message", scheduledMessageSchema, scheduledMessage, {
    ...scheduledMessage,
    status: "canceled",
  }],
  ["recruiting lead", recruitingLeadSchema, recruitingLead, { ...recruitingLead, status: "won" }],
  ["usage counter", usageCounterSchema, usageCounter, { ...usageCounter, period_start: T }],
];

for (const [name, schema, row, bad] of cases) {
  test(`${name}: a realistic row parses to itself`, () => {
    assert.deepEqual(schema.parse(row), row);
  });

  test(`${name}: a bad row is refused`, () => {
    assert.equal(schema.safeParse(bad).success, false);
  });

  test(`${name}: every column is required (null, not missing, for an empty one)`, () => {
    for (const key of Object.keys(row)) {
      const { [key]: _dropped, ...missing } = row;
      assert.equal(schema.safeParse(missing).success, false, `${name} without ${key}`);
    }
  });
}

test("timestamps need a date, a time with seconds and a zone", () => {
  for (const value of ["2026-11-23", "2026-11-23T09:30Z", "2026-11-23T09:30:00", "yesterday"]) {
    const result = conversationSchema.safeParse({ ...conversation, last_inbound_at: value });
    assert.equal(result.success, false, value);
  }
  for (const value of ["2026-11-23T09:30:00Z", "2026-11-23T04:30:00.5-05:00", T]) {
    assert.equal(
      conversationSchema.parse({ ...conversation, last_inbound_at: value }).last_inbound_at,
      value,
    );
  }
});

test("channel account: the token columns are stripped from a full service-role row", () => {
  const fullRow = {
    ...channelAccount,
    access_token_encrypted: "v1:key-2026:base64ciphertext==",
    token_key_id: "key-2026",
  };
  const parsed: Record<string, unknown> = channelAccountSchema.parse(fullRow);
  assert.equal("access_token_encrypted" in parsed, false);
  assert.equal("token_key_id" in parsed, false);
  assert.deepEqual(parsed, channelAccount);
  assert.equal(JSON.stringify(parsed).includes("ciphertext"), false);
});

test("channel account: the schema has no token column, and every public column", () => {
  const keys = Object.keys(channelAccountSchema.shape);
  assert.equal(keys.includes("access_token_encrypted"), false);
  assert.equal(keys.includes("token_key_id"), false);
  // the columns granted to `authenticated` in 20261122120200_create_channel_accounts.sql
  assert.deepEqual(keys.sort(), Object.keys(channelAccount).sort());
  // and at the type level: a ChannelAccount cannot carry them
  type Forbidden = Extract<keyof ChannelAccount, "access_token_encrypted" | "token_key_id">;
  const none: [Forbidden] extends [never] ? true : false = true;
  assert.equal(none, true);
});

test("message: direction and author must agree, as the table's checks demand", () => {
  assert.equal(messageSchema.safeParse({ ...message, author_kind: "ai" }).success, false);
  assert.equal(
    messageSchema.safeParse({ ...outboundMessage, author_kind: "contact" }).success,
    false,
  );
  for (const author_kind of ["ai", "automation", "native_app"]) {
    const row = { ...outboundMessage, author_kind, author_user_id: null };
    assert.equal(messageSchema.safeParse(row).success, true, author_kind);
  }
});

test("message attachments: Meta's types, extra payload kept, http(s) URLs only", () => {
  for (
    const type of [
      "image",
      "video",
      "audio",
      "file",
      "share",
      "ig_post",
      "ig_reel",
      "reel",
      "story_mention",
    ]
  ) {
    assert.equal(messageAttachmentSchema.safeParse({ type }).success, true, type);
  }
  const parsed = messageAttachmentSchema.parse({
    type: "ig_post",
    url: "https://www.instagram.com/p/abc/",
    ig_post_media_id: "18000000000000003",
  });
  assert.equal(parsed.ig_post_media_id, "18000000000000003");
  assert.equal(messageAttachmentSchema.safeParse({ url: "https://x.example" }).success, false);
  assert.equal(
    messageAttachmentSchema.safeParse({ type: "file", url: "javascript:alert(1)" }).success,
    false,
  );
  assert.equal(
    messageAttachmentSchema.safeParse({ type: "file", url: "not a url" }).success,
    false,
  );
});

test("message reactions: by contact or user, a reaction, an optional emoji and a time", () => {
  assert.equal(
    messageReactionSchema.safeParse({ by: "contact", reaction: "love", at: T }).success,
    true,
  );
  for (
    const bad of [
      { by: "ai", reaction: "love", at: T },
      { by: "user", reaction: "", at: T },
      { by: "user", reaction: "love", emoji: "❤️" },
      { by: "user", reaction: "love", at: T, emoji: null },
    ]
  ) {
    assert.equal(messageReactionSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});

test("subscription plan: unknown features are kept, missing ones are simply absent", () => {
  const parsed = subscriptionPlanSchema.parse({
    ...subscriptionPlan,
    features: { instagram_templates: true, max_seats: 5 },
  });
  assert.equal(parsed.features.instagram_templates, true);
  assert.equal(parsed.features.instagram_messaging, undefined);
  assert.equal(parsed.features.max_seats, 5);
  assert.equal(
    subscriptionPlanSchema.safeParse({ ...subscriptionPlan, features: [] }).success,
    false,
  );
});

test("usage counter: a bigint as a string (postgres.js) parses to a number", () => {
  assert.equal(usageCounterSchema.parse({ ...usageCounter, count: "42" }).count, 42);
  for (const count of ["-1", "4.2", "", -1, 1.5, "99999999999999999999"]) {
    assert.equal(
      usageCounterSchema.safeParse({ ...usageCounter, count }).success,
      false,
      `${count}`,
    );
  }
});
