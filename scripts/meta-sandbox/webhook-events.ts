/**
 * Webhook bodies for Instagram messaging, as in Meta's examples (§3 "Messaging payload"):
 * `{"object":"instagram","entry":[{"id":<IG account id>,"time":...,"messaging":[...]}]}`.
 * Inbound: `sender` = IGSID, `recipient` = the account; echo: the other way round (§3 "ID directions").
 */
import type { StoredComment, StoredMedia, StoredMessage } from "./sandbox-state.ts";

/** Messaging examples use milliseconds; other Graph examples seconds. Both are seen (§3 "Timestamp units"). */
export const timeUnit = (ms: number, seconds: boolean) => seconds ? Math.floor(ms / 1000) : ms;

export interface EntryInput {
  igAccountId: string;
  events: unknown[];
  time?: number;
}

export function instagramEnvelope(entries: EntryInput[], seconds = false) {
  return {
    object: "instagram",
    entry: entries.map((entry) => ({
      id: entry.igAccountId,
      time: entry.time ?? timeUnit(Date.now(), seconds),
      messaging: entry.events,
    })),
  };
}

/** The `message` object of a messages webhook built from a stored message. */
export function messageBody(message: StoredMessage, extras: Record<string, unknown> = {}) {
  return {
    mid: message.mid,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.attachments?.length ? { attachments: message.attachments } : {}),
    ...(message.replyTo ? { reply_to: message.replyTo } : {}),
    ...(message.isUnsupported ? { is_unsupported: true } : {}),
    ...extras,
  };
}

export function fromLead(
  igsid: string,
  igAccountId: string,
  at: number,
  seconds: boolean,
  body: Record<string, unknown>,
) {
  return {
    sender: { id: igsid },
    recipient: { id: igAccountId },
    timestamp: timeUnit(at, seconds),
    ...body,
  };
}

/** The echo Meta sends after a Send API call: same mid, `is_echo: true`, sender = the account. */
export function echoEvent(message: StoredMessage) {
  return {
    sender: { id: message.igAccountId },
    recipient: { id: message.igsid },
    timestamp: message.createdAt,
    message: messageBody(message, { is_echo: true }),
  };
}

/**
 * A `comments` notification (§9 "Webhook"): one entry whose `changes[]` holds the comment, as
 * deliveries are seen in practice (Meta's Instagram Login example puts field and value on the entry
 * itself; DM Desk reads both). `extras` adds the undocumented `verb` of edits and removals.
 */
export function commentEnvelope(
  igAccountId: string,
  comment: StoredComment,
  media: StoredMedia,
  extras: Record<string, unknown> = {},
) {
  return {
    object: "instagram",
    entry: [{
      id: igAccountId,
      time: Date.now(),
      changes: [{
        field: "comments",
        value: {
          from: { id: comment.fromId, username: comment.username },
          media: { id: media.id, media_product_type: media.mediaProductType },
          id: comment.id,
          ...(comment.parentId ? { parent_id: comment.parentId } : {}),
          text: comment.text,
          ...extras,
        },
      }],
    }],
  };
}
