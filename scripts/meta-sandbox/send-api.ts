/**
 * The Send API (§2): `POST /me/messages` or `/<IG_ID>/messages` (graph.instagram.com) and
 * `POST /me/messages?access_token=<PAGE_TOKEN>` (graph.facebook.com), with Meta's rules and errors.
 */
import { sendPrivateReply } from "./comments-api.ts";
import { conversationOf, ensureConversation, leadByIgsid, threadIdOf } from "./directory.ts";
import type { GraphCall, SandboxServices } from "./graph-context.ts";
import { GraphError, graphErrors, type GraphHost } from "./graph-errors.ts";
import { messageId } from "./ids.ts";
import type {
  Attachment,
  Conversation,
  InstagramAccount,
  SentRecord,
  StoredMessage,
} from "./sandbox-state.ts";
import { DAY_MS, HOUR_MS } from "./sandbox-state.ts";
import { echoEvent, instagramEnvelope } from "./webhook-events.ts";

/** §2 "Text": "UTF-8 and ... 1000 bytes or less" (bytes, not characters). */
const MAX_TEXT_BYTES = 1000;
const MEDIA_TYPES = new Set(["image", "video", "audio", "file"]);
const SENDER_ACTIONS = new Set(["react", "unreact", "mark_seen", "typing_on", "typing_off"]);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function sendApi(
  services: SandboxServices,
  call: GraphCall,
  account: InstagramAccount,
) {
  const body = Object.fromEntries(
    [...call.params].filter(([key]) => key !== "access_token"),
  ) as Json;
  const record: SentRecord = {
    at: Date.now(),
    igAccountId: account.igAccountId,
    recipientId: "",
    host: call.host,
    body,
    tag: typeof body.tag === "string" ? body.tag : undefined,
    messagingType: typeof body.messaging_type === "string" ? body.messaging_type : undefined,
    outcome: { ok: true },
  };
  services.state.sent.push(record);
  try {
    const result = send(services, call.host, account, body, record);
    record.outcome = { ok: true, mid: result.message_id };
    return result;
  } catch (error) {
    if (error instanceof GraphError) {
      record.outcome = { ok: false, code: error.body.code, subcode: error.body.error_subcode };
    }
    throw error;
  }
}

function send(
  services: SandboxServices,
  host: GraphHost,
  account: InstagramAccount,
  body: Json,
  record: SentRecord,
): { recipient_id: string; message_id?: string } {
  const { state } = services;
  const recipient = body.recipient;
  if (!isObject(recipient) || (recipient.id === undefined && recipient.comment_id === undefined)) {
    throw graphErrors.invalidParameter("The parameter recipient is required");
  }
  if (recipient.id !== undefined && recipient.comment_id !== undefined) {
    throw graphErrors.invalidParameter("Give recipient.id or recipient.comment_id, not both");
  }
  if (recipient.comment_id !== undefined) {
    return sendPrivateReplyMessage(
      services,
      host,
      account,
      body,
      String(recipient.comment_id),
      record,
    );
  }
  const recipientId = String(recipient.id);
  record.recipientId = recipientId;
  const senderAction = body.sender_action;
  const message = body.message;
  if (message === undefined && senderAction === undefined) {
    throw graphErrors.invalidParameter("Must send either message or sender_action");
  }
  if (message !== undefined && senderAction !== undefined) {
    throw graphErrors.invalidParameter("Cannot send both message and sender_action");
  }
  const tag = body.tag;
  // §2 "Other message tags": for Instagram, HUMAN_AGENT is the only tag; others answer error 100.
  if (tag !== undefined && tag !== "HUMAN_AGENT") {
    throw graphErrors.invalidParameter(`Param tag must be one of {HUMAN_AGENT} - got "${tag}"`);
  }
  const messagingType = body.messaging_type;
  if (
    messagingType !== undefined &&
    !["RESPONSE", "UPDATE", "MESSAGE_TAG"].includes(String(messagingType))
  ) {
    throw graphErrors.invalidParameter(
      `Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG} - got "${messagingType}"`,
    );
  }
  if (messagingType === "MESSAGE_TAG" && tag === undefined) {
    throw graphErrors.invalidParameter("Param tag is required when messaging_type is MESSAGE_TAG");
  }
  const content = message !== undefined ? validateMessage(host, message) : undefined;
  if (senderAction !== undefined && !SENDER_ACTIONS.has(String(senderAction))) {
    throw graphErrors.invalidParameter(`Param sender_action is not valid: ${senderAction}`);
  }

  if (account.dmsDisabled) throw graphErrors.dmsDisabled(host);
  const lead = leadByIgsid(state, account.igAccountId, recipientId);
  if (!lead) throw graphErrors.noMatchingUser(host);
  record.leadId = lead.id;
  if (lead.blocked) throw graphErrors.notReceiving(host);

  const conversation = conversationOf(state, account.igAccountId, lead.id);
  const now = Date.now();
  assertWithinWindow(conversation, account, tag === "HUMAN_AGENT", now);

  if (senderAction !== undefined) {
    if (senderAction === "react" || senderAction === "unreact") {
      reactAsBusiness(services, conversation!, body.payload, senderAction);
    }
    return { recipient_id: recipientId };
  }

  const thread = ensureConversation(state, account, lead, now);
  const stored: StoredMessage = {
    mid: messageId(account.igAccountId, threadIdOf(thread)),
    conversationId: thread.id,
    igAccountId: account.igAccountId,
    igsid: recipientId,
    direction: "outbound",
    createdAt: now,
    text: content!.text,
    attachments: content!.attachments,
    reactions: [],
  };
  state.messages.set(stored.mid, stored);
  thread.mids.push(stored.mid);
  thread.updatedAt = now;

  echoLater(services, account, stored);
  return { recipient_id: recipientId, message_id: stored.mid };
}

/** Meta follows a successful send with an echo webhook (§3 "ID directions"), after the answer. */
function echoLater(services: SandboxServices, account: InstagramAccount, stored: StoredMessage) {
  services.background.later(services.echoDelayMs, () =>
    services.webhooks.deliver({
      igAccountId: account.igAccountId,
      payload: instagramEnvelope([{
        igAccountId: account.igAccountId,
        events: [echoEvent(stored)],
      }]),
      field: "message_echoes",
    }));
}

/** A private reply (§9 "Private Replies"): a text or an image to the comment's author. */
function sendPrivateReplyMessage(
  services: SandboxServices,
  host: GraphHost,
  account: InstagramAccount,
  body: Json,
  commentId: string,
  record: SentRecord,
): { recipient_id: string; message_id: string } {
  if (body.message === undefined) {
    throw graphErrors.invalidParameter("A private reply needs a message");
  }
  if (body.tag !== undefined) {
    throw graphErrors.invalidParameter("A private reply takes no tag");
  }
  const content = validateMessage(host, body.message);
  const stored = sendPrivateReply(services, host, account, commentId, content);
  record.recipientId = stored.igsid;
  record.leadId = services.state.conversations.get(stored.conversationId)?.leadId;
  echoLater(services, account, stored);
  return { recipient_id: stored.igsid, message_id: stored.mid };
}

/**
 * §2 "24-hour window": 24 h from the lead's latest message; with the HUMAN_AGENT tag, 7 days, but
 * only for accounts whose app has the Human Agent feature. No message from the lead at all: the
 * conversation has not begun ("Conversations begin only when the user messages first").
 */
function assertWithinWindow(
  conversation: Conversation | undefined,
  account: InstagramAccount,
  humanAgentTag: boolean,
  now: number,
) {
  const last = conversation?.lastInboundAt;
  if (last === undefined) throw graphErrors.outsideWindow();
  const age = now - last;
  if (age <= 24 * HOUR_MS) return;
  if (humanAgentTag && account.humanAgent && age <= 7 * DAY_MS) return;
  throw graphErrors.outsideWindow();
}

function validateMessage(
  host: GraphHost,
  message: unknown,
): { text?: string; attachments?: Attachment[] } {
  if (!isObject(message)) throw graphErrors.invalidParameter("Param message must be an object");
  const { text, attachment, attachments, quick_replies: quickReplies } = message;
  const parts = [text, attachment, attachments].filter((p) => p !== undefined).length;
  if (parts !== 1) {
    throw graphErrors.invalidParameter(
      "Param message must contain exactly one of text, attachment or attachments",
    );
  }
  if (text !== undefined) {
    if (typeof text !== "string" || text.length === 0) {
      throw graphErrors.invalidParameter("Param message[text] must be a non-empty string");
    }
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > MAX_TEXT_BYTES) throw graphErrors.textTooLong(host, bytes);
    if (quickReplies !== undefined) validateQuickReplies(quickReplies);
    return { text };
  }
  if (attachment !== undefined) return { attachments: [validateAttachment(attachment)] };
  // §2 "Images": an array of up to 10 image objects.
  if (!Array.isArray(attachments) || attachments.length === 0 || attachments.length > 10) {
    throw graphErrors.invalidParameter("Param message[attachments] must hold 1 to 10 images");
  }
  return {
    attachments: attachments.map((a) => {
      const checked = validateAttachment(a);
      if (checked.type !== "image") {
        throw graphErrors.invalidParameter("message[attachments] only takes images");
      }
      return checked;
    }),
  };
}

function validateAttachment(attachment: unknown): Attachment {
  if (!isObject(attachment) || typeof attachment.type !== "string") {
    throw graphErrors.invalidParameter("Param message[attachment][type] is required");
  }
  const { type, payload } = attachment;
  if (MEDIA_TYPES.has(type)) {
    // §2: payload.url, or payload.attachment_id for reusable uploads.
    if (
      !isObject(payload) || (typeof payload.url !== "string" && payload.attachment_id === undefined)
    ) {
      throw graphErrors.invalidParameter(
        "Param message[attachment][payload] needs a url or an attachment_id",
      );
    }
    if (typeof payload.url === "string" && !URL.canParse(payload.url)) {
      throw graphErrors.invalidParameter(
        "Param message[attachment][payload][url] must be a valid URL",
      );
    }
    return { type, payload };
  }
  if (type === "like_heart") return { type }; // §2 "Sticker"
  if (type === "MEDIA_SHARE") {
    // §2 "Sharing your own post"
    if (!isObject(payload) || payload.id === undefined) {
      throw graphErrors.invalidParameter("Param message[attachment][payload][id] is required");
    }
    return { type, payload };
  }
  if (type === "template") return { type, payload: isObject(payload) ? payload : {} };
  throw graphErrors.invalidParameter(`Unsupported attachment type: ${type}`);
}

function validateQuickReplies(quickReplies: unknown) {
  // §2 "Quick replies": at most 13; phone/email quick replies were disabled for Instagram Oct 5, 2026.
  if (!Array.isArray(quickReplies) || quickReplies.length > 13) {
    throw graphErrors.invalidParameter("Param message[quick_replies] must have at most 13 items");
  }
  for (const reply of quickReplies) {
    if (!isObject(reply) || reply.content_type !== "text") {
      throw graphErrors.invalidParameter(
        "Param message[quick_replies][content_type] must be text on Instagram",
      );
    }
  }
}

/** §2 "Reactions": react with `payload.reaction` (any emoji since v25), unreact with message_id only. */
function reactAsBusiness(
  services: SandboxServices,
  conversation: Conversation,
  payload: unknown,
  action: "react" | "unreact",
) {
  if (!isObject(payload) || typeof payload.message_id !== "string") {
    throw graphErrors.invalidParameter("Param payload[message_id] is required");
  }
  const message = services.state.messages.get(payload.message_id);
  if (!message || message.conversationId !== conversation.id) {
    throw graphErrors.invalidParameter("Param payload[message_id] is not a message of this thread");
  }
  message.reactions = message.reactions.filter((r) => r.byIgsid);
  if (action === "react") {
    const reaction = typeof payload.reaction === "string" ? payload.reaction : "love";
    message.reactions.push({ reaction, byIgsid: false });
  }
}
