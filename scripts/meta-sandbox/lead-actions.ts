/**
 * What a lead can do to an account, driven by the control API: DM it, react, read, tap a button,
 * follow a link, unsend. Each stores what Meta would know and delivers the webhook Meta would send.
 */
import { ensureConversation, igsidFor, threadIdOf } from "./directory.ts";
import { messageId, numericId } from "./ids.ts";
import type {
  Attachment,
  InstagramAccount,
  Lead,
  SandboxState,
  StoredMessage,
} from "./sandbox-state.ts";
import type { WebhookDispatcher } from "./webhook-delivery.ts";
import { fromLead, instagramEnvelope, messageBody, timeUnit } from "./webhook-events.ts";

export class ActionError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface InboundMessageInput {
  text?: string;
  attachments?: Attachment[];
  replyToMid?: string;
  replyToStory?: { url: string; id: string };
  quickReplyPayload?: string;
  referral?: Record<string, unknown>;
  isUnsupported?: boolean;
  timestampSeconds?: boolean;
  at?: number;
}

export interface ActionContext {
  state: SandboxState;
  webhooks: WebhookDispatcher;
  /** Base URL of the sandbox, for attachment URLs it serves itself. */
  baseUrl: string;
}

const MEDIA_EXTENSION: Record<string, string> = {
  image: "jpg",
  video: "mp4",
  audio: "m4a",
  file: "pdf",
  share: "jpg",
  story_mention: "jpg",
  ig_reel: "mp4",
  reel: "mp4",
  ig_post: "jpg",
};

/** Fills in a payload Meta would have sent, so `{type:"image"}` alone is enough for a test. */
function completeAttachment(baseUrl: string, attachment: Attachment): Attachment {
  if (attachment.payload) return attachment;
  const url = `${baseUrl}/_sandbox/media/${numericId("9", 12)}.${
    MEDIA_EXTENSION[attachment.type] ?? "bin"
  }`;
  switch (attachment.type) {
    case "ig_post":
      // Post shares since Nov 3, 2025 (§3): payload.ig_post_media_id, title, url.
      return {
        type: "ig_post",
        payload: { ig_post_media_id: numericId("18", 17), title: "We're hiring!", url },
      };
    case "ig_reel":
    case "reel":
      return {
        type: attachment.type,
        payload: { reel_video_id: numericId("18", 17), title: "A day at Northwind", url },
      };
    default:
      return { type: attachment.type, payload: { url } };
  }
}

export async function leadSendsMessage(
  context: ActionContext,
  lead: Lead,
  account: InstagramAccount,
  input: InboundMessageInput,
) {
  const { state } = context;
  if (!input.text && !input.attachments?.length && !input.isUnsupported) {
    throw new ActionError(422, "a message needs text, attachments or isUnsupported");
  }
  const at = input.at ?? Date.now();
  const conversation = ensureConversation(state, account, lead, at);
  if (input.replyToMid && !conversation.mids.includes(input.replyToMid)) {
    throw new ActionError(404, `no message ${input.replyToMid} in this conversation`);
  }
  const message: StoredMessage = {
    mid: messageId(account.igAccountId, threadIdOf(conversation)),
    conversationId: conversation.id,
    igAccountId: account.igAccountId,
    igsid: conversation.igsid,
    direction: "inbound",
    createdAt: at,
    text: input.text,
    attachments: input.attachments?.map((a) => completeAttachment(context.baseUrl, a)),
    replyTo: input.replyToMid
      ? { mid: input.replyToMid }
      : input.replyToStory
      ? { story: { url: input.replyToStory.url, id: input.replyToStory.id } }
      : undefined,
    isUnsupported: input.isUnsupported,
    reactions: [],
  };
  state.messages.set(message.mid, message);
  conversation.mids.push(message.mid);
  conversation.updatedAt = Math.max(conversation.updatedAt, at);
  conversation.lastInboundAt = Math.max(conversation.lastInboundAt ?? 0, at);

  const extras: Record<string, unknown> = {};
  if (input.quickReplyPayload) extras.quick_reply = { payload: input.quickReplyPayload };
  if (input.referral) extras.referral = input.referral;
  const seconds = input.timestampSeconds ?? false;
  const event = fromLead(conversation.igsid, account.igAccountId, at, seconds, {
    message: messageBody(message, extras),
  });
  const delivery = await deliver(context, account, event, "messages", seconds);
  return { mid: message.mid, igsid: conversation.igsid, conversationId: conversation.id, delivery };
}

function messageOf(context: ActionContext, account: InstagramAccount, lead: Lead, mid: string) {
  const message = context.state.messages.get(mid);
  if (
    !message || message.igAccountId !== account.igAccountId ||
    message.igsid !== igsidFor(lead, account.igAccountId)
  ) {
    throw new ActionError(404, `no message ${mid} between this lead and account`);
  }
  return message;
}

export async function leadReacts(
  context: ActionContext,
  lead: Lead,
  account: InstagramAccount,
  input: { mid: string; action: "react" | "unreact"; reaction?: string; emoji?: string },
) {
  const message = messageOf(context, account, lead, input.mid);
  // §3: `reaction` and `emoji` are omitted on unreact.
  const reaction = input.action === "react"
    ? { reaction: input.reaction ?? "love", emoji: input.emoji ?? "\u{2764}\u{FE0F}" }
    : {};
  message.reactions = message.reactions.filter((r) => !r.byIgsid);
  if (input.action === "react") {
    message.reactions.push({ reaction: reaction.reaction!, emoji: reaction.emoji, byIgsid: true });
  }
  const event = fromLead(message.igsid, account.igAccountId, Date.now(), false, {
    reaction: { mid: message.mid, action: input.action, ...reaction },
  });
  return {
    igsid: message.igsid,
    delivery: await deliver(context, account, event, "message_reactions"),
  };
}

export async function leadReads(
  context: ActionContext,
  lead: Lead,
  account: InstagramAccount,
  input: { mid: string },
) {
  const message = messageOf(context, account, lead, input.mid);
  const event = fromLead(message.igsid, account.igAccountId, Date.now(), false, {
    read: { mid: message.mid },
  });
  return {
    igsid: message.igsid,
    delivery: await deliver(context, account, event, "messaging_seen"),
  };
}

export async function leadTapsPostback(
  context: ActionContext,
  lead: Lead,
  account: InstagramAccount,
  input: { title: string; payload: string },
) {
  const now = Date.now();
  const conversation = ensureConversation(context.state, account, lead, now);
  // Icebreaker and persistent-menu taps give consent and open the window like a message (§5).
  conversation.lastInboundAt = now;
  conversation.updatedAt = now;
  const mid = messageId(account.igAccountId, threadIdOf(conversation));
  const event = fromLead(conversation.igsid, account.igAccountId, now, false, {
    postback: { mid, title: input.title, payload: input.payload },
  });
  return {
    mid,
    igsid: conversation.igsid,
    delivery: await deliver(context, account, event, "messaging_postbacks"),
  };
}

export async function leadFollowsReferral(
  context: ActionContext,
  lead: Lead,
  account: InstagramAccount,
  input: { ref: string; source: string },
) {
  const igsid = igsidFor(lead, account.igAccountId);
  const event = fromLead(igsid, account.igAccountId, Date.now(), false, {
    referral: { ref: input.ref, source: input.source, type: "OPEN_THREAD" },
  });
  return { igsid, delivery: await deliver(context, account, event, "messaging_referral") };
}

export async function leadDeletesMessage(
  context: ActionContext,
  lead: Lead,
  account: InstagramAccount,
  input: { mid: string },
) {
  const message = messageOf(context, account, lead, input.mid);
  message.isDeleted = true;
  const event = fromLead(message.igsid, account.igAccountId, Date.now(), false, {
    message: { mid: message.mid, is_deleted: true },
  });
  return { igsid: message.igsid, delivery: await deliver(context, account, event, "messages") };
}

async function deliver(
  context: ActionContext,
  account: InstagramAccount,
  event: unknown,
  field: string,
  seconds = false,
) {
  const payload = instagramEnvelope(
    [{ igAccountId: account.igAccountId, events: [event], time: timeUnit(Date.now(), seconds) }],
  );
  const record = await context.webhooks.deliver({
    igAccountId: account.igAccountId,
    payload,
    field,
  });
  return { id: record.id, status: record.status, attempts: record.attempts, ok: record.ok };
}
