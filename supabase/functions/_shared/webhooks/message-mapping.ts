import type { MetaMessage } from "./payload.ts";

export type MessageType =
  | "text"
  | "media"
  | "story_reply"
  | "story_mention"
  | "share"
  | "ig_post"
  | "reel"
  | "postback"
  | "unsupported";

const MEDIA = new Set(["image", "video", "audio", "file"]);

/**
 * What we store of a Meta message: its type, text and attachments flattened to
 * `{type, ...payload}`. Since Nov 2025 a shared post carries both `share` and `ig_post`; the
 * richer `ig_post` wins.
 */
export function describeMessage(message: MetaMessage) {
  const attachments = (message.attachments ?? []).map(({ type, payload }) => ({
    type,
    ...(payload ?? {}),
  }));
  const kinds = new Set(attachments.map((a) => a.type));
  let type: MessageType = "text";
  if (message.is_unsupported) type = "unsupported";
  else if (kinds.has("story_mention")) type = "story_mention";
  else if (message.reply_to?.story) type = "story_reply";
  else if (kinds.has("ig_post")) type = "ig_post";
  else if (kinds.has("ig_reel") || kinds.has("reel")) type = "reel";
  else if (kinds.has("share")) type = "share";
  else if ([...kinds].some((k) => MEDIA.has(k))) type = "media";
  return {
    type,
    text: message.text ?? null,
    attachments,
    replyToExternalId: message.reply_to?.mid ?? null,
    replyToStory: message.reply_to?.story ?? null,
    quickReplyPayload: message.quick_reply?.payload ?? null,
  };
}
