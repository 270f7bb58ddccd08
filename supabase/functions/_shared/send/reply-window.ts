import {
  canSend,
  getMessagingWindow,
  type HUMAN_AGENT_TAG,
} from "../../../../shared/src/rules/messaging-window.ts";
import type { Tx } from "../db.ts";
import { HttpError } from "../http.ts";

/** What a person's reply in a conversation needs to know before anything is stored or sent. */
export interface ReplyContext {
  conversationId: string;
  imoId: string;
  channelAccountId: string;
  /** the HUMAN_AGENT tag when the reply is late (24 h to 7 d), otherwise none */
  tag?: typeof HUMAN_AGENT_TAG;
}

/**
 * Inside `withUser`, after requireConversation: may a person reply now, and with which tag? The
 * account must be connected and on Instagram; the window decides the rest (rules/messaging-window.ts
 * `canSend`, author "user": this path is for people only, automation has its own). A refusal is
 * 409 `window_closed` saying when the window closed, before anything is stored or sent.
 */
export async function requireReplyWindow(
  tx: Tx,
  conversationId: string,
  now: Date,
): Promise<ReplyContext> {
  const [row] = await tx<
    {
      imo_id: string;
      channel_account_id: string;
      last_inbound_at: Date | null;
      platform: string;
      account_status: string;
      human_agent_permission: boolean;
    }[]
  >`
    select c.imo_id, c.channel_account_id, c.last_inbound_at, a.platform,
      a.status::text as account_status, a.human_agent_permission
    from public.conversations c join public.channel_accounts a on a.id = c.channel_account_id
    where c.id = ${conversationId}`;
  if (!row) throw new HttpError(404, "conversation_not_found", "No such conversation");
  if (row.platform !== "instagram") {
    throw new HttpError(409, "wrong_platform", "This conversation is not on Instagram");
  }
  if (row.account_status !== "connected") {
    throw new HttpError(
      409,
      "account_needs_reconnect",
      "The Instagram account of this conversation must be reconnected before it can send",
      { account_status: row.account_status },
    );
  }
  const decision = canSend({
    lastInboundAt: row.last_inbound_at,
    now,
    author: "user",
    hasHumanAgentPermission: row.human_agent_permission,
  });
  if (!decision.allowed) {
    const window = getMessagingWindow(row.last_inbound_at, now);
    const closedAt = decision.reason === "human_agent_expired"
      ? window.humanAgentUntil
      : window.replyUntil;
    throw new HttpError(
      409,
      "window_closed",
      decision.reason === "no_inbound_message"
        ? "Instagram lets a business reply only after the contact has written"
        : "Instagram's reply window for this conversation has closed",
      {
        reason: decision.reason,
        closed_at: closedAt?.toISOString() ?? null,
        human_agent_permission: row.human_agent_permission,
      },
    );
  }
  return {
    conversationId,
    imoId: row.imo_id,
    channelAccountId: row.channel_account_id,
    ...(decision.tag ? { tag: decision.tag } : {}),
  };
}
