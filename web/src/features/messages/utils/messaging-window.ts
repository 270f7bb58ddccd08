import type { ConversationWindow } from "@dm-desk/shared/contracts/inbox-conversations";
import { CLOSING_SOON_MS, getMessagingWindow } from "@dm-desk/shared/rules/messaging-window";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The window as the inbox answers it, for a conversation whose contact last wrote then. */
export function conversationWindowAt(
  lastInboundAt: string | null,
  now: Date,
): ConversationWindow {
  const window = getMessagingWindow(lastInboundAt, now);
  const inHumanAgent = window.status === "closed" && window.canUseHumanAgentTag;
  return {
    state: inHumanAgent ? "human_agent" : window.status,
    reply_until: window.replyUntil?.toISOString() ?? null,
    human_agent_until: window.humanAgentUntil?.toISOString() ?? null,
    seconds_left: Math.floor((inHumanAgent ? window.humanAgentMsLeft : window.msLeft) / 1000),
  };
}

export type WindowTone = "open" | "closing" | "closed";

export interface WindowStatus {
  tone: WindowTone;
  /** "Open – 5 h left", "Closing soon – 12 min", "Closed – waiting for their reply" */
  label: string;
  /** whether a person may reply now (the composer's gate) */
  canReply: boolean;
}

/**
 * Where the window stands at `now`, from its end instants (not from `seconds_left`, which was true
 * when the list was fetched). Between 24 h and 7 d only an account with Meta's Human Agent feature
 * may still reply, as a person.
 */
export function windowStatusAt(
  window: Pick<ConversationWindow, "reply_until" | "human_agent_until">,
  now: Date,
  hasHumanAgent: boolean,
): WindowStatus {
  const msLeft = window.reply_until ? Date.parse(window.reply_until) - now.getTime() : 0;
  if (msLeft > CLOSING_SOON_MS) {
    return { tone: "open", label: `Open – ${Math.floor(msLeft / HOUR_MS)} h left`, canReply: true };
  }
  if (msLeft > 0) {
    return {
      tone: "closing",
      label: `Closing soon – ${Math.ceil(msLeft / MINUTE_MS)} min`,
      canReply: true,
    };
  }
  const humanMsLeft = window.human_agent_until
    ? Date.parse(window.human_agent_until) - now.getTime()
    : 0;
  if (hasHumanAgent && humanMsLeft > 0) {
    const left = humanMsLeft >= DAY_MS
      ? `${Math.floor(humanMsLeft / DAY_MS)} d`
      : `${Math.max(1, Math.floor(humanMsLeft / HOUR_MS))} h`;
    return { tone: "closing", label: `Human agent – ${left} left`, canReply: true };
  }
  return { tone: "closed", label: "Closed – waiting for their reply", canReply: false };
}

export const WINDOW_RULE_EXPLANATION =
  "Instagram lets a business reply for 24 hours after the person's last message. " +
  "Once the window closes, you can write again when they send a new message.";

export const HUMAN_AGENT_EXPLANATION =
  "This account has Meta's Human Agent feature: a person (not automation) may still reply " +
  "up to 7 days after their last message.";
