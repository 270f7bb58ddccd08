import type { AiReview, AutomationRule, MessagePost } from "../schemas/message.ts";
import { mayHaveBeenSent } from "../rules/send-errors.ts";
import type { ThreadMessage } from "./inbox-messages.ts";

/** A timestamp as a row carries it: a `Date` from postgres.js, an ISO string over JSON. */
type Instant = Date | string;

/**
 * The columns of a `messages` row a thread shows. instagram-get-messages reads them with SQL, the
 * SPA receives them in Realtime broadcasts; both turn them into a `ThreadMessage` here, so the two
 * cannot drift apart.
 */
export interface ThreadMessageRow {
  id: string;
  conversation_id: string;
  direction: ThreadMessage["direction"];
  type: ThreadMessage["type"];
  text: string | null;
  attachments: ThreadMessage["attachments"];
  reactions: ThreadMessage["reactions"];
  author_kind: ThreadMessage["author"]["kind"];
  author_user_id: string | null;
  reply_to_message_id: string | null;
  reply_to_external_id: string | null;
  reply_to_story: NonNullable<ThreadMessage["reply_to"]>["story"];
  status: ThreadMessage["status"];
  error_code: string | null;
  error_message: string | null;
  external_id: string | null;
  sent_at: Instant;
  delivered_at: Instant | null;
  read_at: Instant | null;
  deleted_at: Instant | null;
  automation_rule: AutomationRule | null;
  scheduled_message_id: string | null;
  /** how an AI message left (absent on rows from before the AI, and in older broadcasts) */
  ai_review?: AiReview | null;
  /** absent from rows read before public posts existed (old broadcasts) */
  post?: MessagePost | null;
  /** absent from rows written before private replies existed */
  private_reply_to_comment_id?: string | null;
}

const iso = (at: Instant) => (typeof at === "string" ? at : at.toISOString());
const isoOrNull = (at: Instant | null) => (at === null ? null : iso(at));

/** A message as the thread shows it; `authorName` is the member's name (rows hold only an id). */
export function threadMessageFromRow(
  row: ThreadMessageRow,
  authorName: string | null,
): ThreadMessage {
  const repliesTo = row.reply_to_message_id ?? row.reply_to_external_id ?? row.reply_to_story;
  const failed = row.error_code ?? row.error_message;
  return {
    id: row.id,
    conversation_id: row.conversation_id,
    direction: row.direction,
    type: row.type,
    text: row.text,
    attachments: row.attachments,
    reactions: row.reactions,
    author: {
      kind: row.author_kind,
      user_id: row.author_user_id,
      display_name: authorName,
      ...(row.automation_rule
        ? {
          automation: { rule: row.automation_rule, scheduled_message_id: row.scheduled_message_id },
        }
        : {}),
      ...(row.ai_review ? { ai_review: row.ai_review } : {}),
    },
    reply_to: repliesTo
      ? {
        message_id: row.reply_to_message_id,
        external_id: row.reply_to_external_id,
        story: row.reply_to_story,
      }
      : null,
    status: row.status,
    error: failed
      ? {
        code: row.error_code,
        message: row.error_message,
        may_have_been_sent: mayHaveBeenSent(row.error_code),
      }
      : null,
    external_id: row.external_id,
    private_reply_to_comment_id: row.private_reply_to_comment_id ?? null,
    sent_at: iso(row.sent_at),
    delivered_at: isoOrNull(row.delivered_at),
    read_at: isoOrNull(row.read_at),
    deleted_at: isoOrNull(row.deleted_at),
    ...(row.post ? { post: row.post } : {}),
  };
}
