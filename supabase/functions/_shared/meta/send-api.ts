import { HUMAN_AGENT_TAG } from "../../../../shared/src/rules/messaging-window.ts";
import { graphFetch } from "./graph-client.ts";
import type { MetaConfig } from "./meta-config.ts";

/** The account a message leaves from, as the Send API addresses it. */
export interface SendingAccount {
  auth_path: "instagram_login" | "facebook_login";
  /** the Instagram professional account id */
  external_account_id: string;
  facebook_page_id: string | null;
}

export interface OutgoingMessage {
  /** the contact's IGSID */
  recipientId: string;
  /** a private reply is addressed by the comment instead (docs/meta-platform.md §9 "Private Replies") */
  recipientCommentId?: string | null;
  text: string | null;
  imageUrl: string | null;
  /** only a person's reply between 24 h and 7 d (rules/messaging-window.ts canSend) */
  tag?: typeof HUMAN_AGENT_TAG;
}

/** Meta answered 2xx but named no message: whether it went out is unknown. */
export class MissingMessageIdError extends Error {}

/**
 * One message through the Send API (docs/meta-platform.md §2 "Endpoints"); resolves to Meta's
 * message id, the `mid` its echo will carry. Instagram Login: `POST graph.instagram.com/<IG_ID>/messages`
 * with JSON; Facebook Login: `POST graph.facebook.com/<PAGE_ID>/messages` with form fields. The
 * account's own id in the path (not `/me`) keeps every account's calls apart in logs.
 */
export async function sendInstagramMessage(
  config: MetaConfig,
  account: SendingAccount,
  token: string,
  message: OutgoingMessage,
): Promise<string> {
  const fields: Record<string, unknown> = {
    recipient: message.recipientCommentId
      ? { comment_id: message.recipientCommentId }
      : { id: message.recipientId },
    message: message.text !== null
      ? { text: message.text }
      : { attachment: { type: "image", payload: { url: message.imageUrl } } },
    // the tag's shape on graph.instagram.com is not settled, so both fields (docs/meta-platform.md
    // §2 "HUMAN_AGENT (7 days)")
    ...(message.tag ? { messaging_type: "MESSAGE_TAG", tag: message.tag } : {}),
  };
  const answer = account.auth_path === "instagram_login"
    ? await graphFetch(`${config.instagramGraph}/${account.external_account_id}/messages`, {
      token,
      json: fields,
    })
    : await graphFetch(`${config.facebookGraph}/${account.facebook_page_id}/messages`, {
      token,
      form: Object.fromEntries(
        Object.entries(fields).map((
          [key, value],
        ) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
      ),
    });
  if (typeof answer.message_id !== "string") {
    throw new MissingMessageIdError("Meta accepted the message without naming it");
  }
  return answer.message_id;
}
