import { canSend } from "../../../../../shared/src/rules/messaging-window.ts";
import { asService, type Tx } from "../../db.ts";
import { requireGraphCall, waitForGraphCall } from "../../meta/rate-governor.ts";
import { deliverReply } from "../../send/deliver-reply.ts";

export type AiReview = "approved" | "edited" | "autopilot";

export interface AiSend {
  conversationId: string;
  text: string;
  review: AiReview;
  /** the person who approved or edited it; null for autopilot */
  reviewerId: string | null;
  replyToMessageId: string | null;
  /** the idempotency key: the draft's id for an approval, the answered message's for autopilot */
  clientMessageId: string;
  /** the draft this send replaces (deleted in the transaction that stores the message) */
  draftId?: string;
  now: Date;
}

export type AiSendOutcome =
  | { status: "sent" | "failed" | "already_sent"; messageId: string }
  | { status: "refused"; reason: AiSendRefusal };

export type AiSendRefusal =
  | "window_closed"
  | "lease_held"
  | "not_autopilot"
  | "story_mention"
  | "account_not_connected"
  | "conversation_not_found";

interface SendTarget {
  imo_id: string;
  channel_account_id: string;
  last_inbound_at: Date | null;
  ai_mode: string;
  ai_takeover_until: Date | null;
  only_story_mentions: boolean;
  account_status: string;
  platform: string;
}

/**
 * The rules that always hold, judged at `now` on the locked conversation: a connected Instagram
 * account; inside the 24 h window for a non-person author (canSend, author "automation": so never
 * the HUMAN_AGENT tag); never to a conversation of story mentions only. Autopilot also needs the
 * conversation still on autopilot and no person holding the lease; a person's approval is their
 * own reply, so the lease does not stop it.
 */
function judge(target: SendTarget | undefined, send: AiSend): AiSendRefusal | null {
  if (!target) return "conversation_not_found";
  if (target.platform !== "instagram" || target.account_status !== "connected") {
    return "account_not_connected";
  }
  if (target.only_story_mentions) return "story_mention";
  const window = canSend({
    lastInboundAt: target.last_inbound_at,
    now: send.now,
    author: "automation",
    hasHumanAgentPermission: false,
  });
  if (!window.allowed) return "window_closed";
  if (send.review === "autopilot") {
    if (target.ai_mode !== "autopilot") return "not_autopilot";
    if (target.ai_takeover_until && target.ai_takeover_until > send.now) return "lease_held";
  }
  return null;
}

async function loadTarget(tx: Tx, conversationId: string, lock: boolean) {
  const [target] = await tx<SendTarget[]>`
    select c.imo_id, c.channel_account_id, c.last_inbound_at, c.ai_mode::text, c.ai_takeover_until,
      c.only_story_mentions, a.status::text as account_status, a.platform::text
    from public.conversations c join public.channel_accounts a on a.id = c.channel_account_id
    where c.id = ${conversationId}
    ${lock ? tx`for update of c` : tx``}`;
  return target;
}

/**
 * The AI's one way out, the send path of every other message: judged, a slot from the rate
 * governor (a person's approval gets the 429 a person's reply gets; autopilot waits its turn),
 * judged again under the conversation's lock while the message is stored `pending` with its
 * provenance (author_kind 'ai', ai_review, the reviewer as author_user_id), then one call to Meta
 * (deliverReply, no tag). The idempotency key makes a repeated approval or a second run of the
 * same analysis answer with the message already stored.
 */
export async function sendAiMessage(send: AiSend): Promise<AiSendOutcome> {
  const first = await asService((tx) => loadTarget(tx, send.conversationId, false));
  const refusal = judge(first, send);
  if (refusal) return { status: "refused", reason: refusal };
  if (send.review === "autopilot") await waitForGraphCall(first!.channel_account_id, "send_text");
  else await requireGraphCall(first!.channel_account_id, "send_text");

  const stored = await asService(async (tx) => {
    const target = await loadTarget(tx, send.conversationId, true);
    const again = judge(target, send);
    if (again) return { refused: again };
    const [row] = await tx<{ id: string }[]>`
      insert into public.messages (imo_id, channel_account_id, conversation_id, client_message_id,
        direction, author_kind, author_user_id, type, text, status, ai_review, ai_reply_to_message_id)
      values (${target!.imo_id}, ${target!.channel_account_id}, ${send.conversationId},
        ${send.clientMessageId}, 'outbound', 'ai', ${send.reviewerId}, 'text', ${send.text},
        'pending', ${send.review}, ${send.replyToMessageId})
      on conflict (conversation_id, client_message_id) do nothing
      returning id`;
    if (send.draftId) {
      await tx`delete from public.messages where id = ${send.draftId} and status = 'draft'`;
    }
    if (row) return { id: row.id, fresh: true };
    const [known] = await tx<{ id: string }[]>`
      select id from public.messages
      where conversation_id = ${send.conversationId} and client_message_id = ${send.clientMessageId}`;
    return { id: known!.id, fresh: false };
  });
  if ("refused" in stored) return { status: "refused", reason: stored.refused! };
  if (!stored.fresh) return { status: "already_sent", messageId: stored.id };
  await deliverReply(stored.id);
  const [status] = await asService((tx) =>
    tx<{ status: string }[]>`select status::text from public.messages where id = ${stored.id}`
  );
  return { status: status?.status === "failed" ? "failed" : "sent", messageId: stored.id };
}
