/**
 * Meta's messaging window for Instagram (and Messenger) DMs, as pure functions of the contact's last
 * inbound message time and the current time:
 *
 * - for 24 hours after the contact's last message, anyone may reply (people, AI, automation);
 * - from 24 hours to 7 days, only a person may reply, with the `HUMAN_AGENT` tag, and only when the
 *   app has the Human Agent permission;
 * - after 7 days nobody may send until the contact writes again.
 *
 * Both limits are exclusive: at exactly 24 h (or 7 d) after the last inbound message the window
 * (or horizon) is over. The database keeps the same instants in `conversations.can_reply_until` and
 * `human_agent_until`.
 */

const HOUR_MS = 60 * 60 * 1000;

/** Meta's standard messaging window: 24 hours after the contact's last message. */
export const STANDARD_WINDOW_MS = 24 * HOUR_MS;
/** Under this much time left, the window is `closing_soon`. */
export const CLOSING_SOON_MS = HOUR_MS;
/** The `HUMAN_AGENT` tag's horizon: 7 days after the contact's last message. */
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR_MS;
/** The message tag a person's reply carries between 24 hours and 7 days. */
export const HUMAN_AGENT_TAG = "HUMAN_AGENT";

/** A point in time: a `Date` or an ISO 8601 string (as rows carry them over JSON). */
export type Instant = Date | string;

export type WindowStatus = "open" | "closing_soon" | "closed";

export interface MessagingWindow {
  /** `open`: more than 1 h left; `closing_soon`: 1 h or less left; `closed`: 24 h passed, or no inbound message yet. */
  status: WindowStatus;
  /** The contact's last message, or null when they never wrote. */
  lastInboundAt: Date | null;
  /** The end of the 24 h window (exclusive); null without an inbound message. */
  replyUntil: Date | null;
  /** Milliseconds left of the 24 h window; 0 once closed. */
  msLeft: number;
  /** The end of the 7-day human-agent horizon (exclusive); null without an inbound message. */
  humanAgentUntil: Date | null;
  /** Milliseconds left before the human-agent horizon; 0 once passed. */
  humanAgentMsLeft: number;
  /**
   * Whether a person could still reply with the `HUMAN_AGENT` tag (the 7-day horizon has not
   * passed). Says nothing of the account's permission: `canSend` decides a send.
   */
  canUseHumanAgentTag: boolean;
}

/** Turns an `Instant` into a `Date`; throws a `RangeError` for a string that is not a date. */
function toDate(value: Instant, name: string): Date {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`${name} is not a valid date: ${String(value)}`);
  }
  return date;
}

/** The messaging window of a conversation whose contact last wrote at `lastInboundAt`. */
export function getMessagingWindow(
  lastInboundAt: Instant | null,
  now: Instant,
): MessagingWindow {
  const nowMs = toDate(now, "now").getTime();
  if (lastInboundAt === null) {
    return {
      status: "closed",
      lastInboundAt: null,
      replyUntil: null,
      msLeft: 0,
      humanAgentUntil: null,
      humanAgentMsLeft: 0,
      canUseHumanAgentTag: false,
    };
  }
  const inbound = toDate(lastInboundAt, "lastInboundAt");
  const replyUntil = new Date(inbound.getTime() + STANDARD_WINDOW_MS);
  const humanAgentUntil = new Date(inbound.getTime() + HUMAN_AGENT_WINDOW_MS);
  const msLeft = Math.max(0, replyUntil.getTime() - nowMs);
  const humanAgentMsLeft = Math.max(0, humanAgentUntil.getTime() - nowMs);
  const status: WindowStatus = msLeft === 0
    ? "closed"
    : msLeft > CLOSING_SOON_MS
    ? "open"
    : "closing_soon";
  return {
    status,
    lastInboundAt: new Date(inbound.getTime()),
    replyUntil,
    msLeft,
    humanAgentUntil,
    humanAgentMsLeft,
    canUseHumanAgentTag: humanAgentMsLeft > 0,
  };
}

/** Who writes the message to be sent. */
export type SendAuthor = "user" | "ai" | "automation";

/** Why a send is refused. */
export type SendRefusalReason =
  /** The contact never wrote: Instagram lets a business only reply. */
  | "no_inbound_message"
  /** 24 h passed and the account has no Human Agent permission. */
  | "window_closed"
  /** 7 days passed: nobody may send until the contact writes again. */
  | "human_agent_expired"
  /** 24 h passed: only a person may still reply (with the `HUMAN_AGENT` tag), not AI or automation. */
  | "human_agent_requires_person";

export type SendDecision =
  | { allowed: true; tag?: typeof HUMAN_AGENT_TAG }
  | { allowed: false; reason: SendRefusalReason };

export interface CanSendInput {
  lastInboundAt: Instant | null;
  now: Instant;
  author: SendAuthor;
  /** Whether the app may use the `HUMAN_AGENT` tag for this account. */
  hasHumanAgentPermission: boolean;
}

/**
 * May this author send to the conversation now, and with which tag? Inside 24 h: anyone, no tag.
 * From 24 h to 7 d: a person, with the Human Agent permission, tagged `HUMAN_AGENT`. After: nobody.
 */
export function canSend(input: CanSendInput): SendDecision {
  const window = getMessagingWindow(input.lastInboundAt, input.now);
  if (window.lastInboundAt === null) return { allowed: false, reason: "no_inbound_message" };
  if (window.status !== "closed") return { allowed: true };
  if (!input.hasHumanAgentPermission) return { allowed: false, reason: "window_closed" };
  if (!window.canUseHumanAgentTag) return { allowed: false, reason: "human_agent_expired" };
  if (input.author !== "user") return { allowed: false, reason: "human_agent_requires_person" };
  return { allowed: true, tag: HUMAN_AGENT_TAG };
}
