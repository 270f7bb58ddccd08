import type {
  CreateScheduledMessage,
  UpdateScheduledMessage,
} from "@dm-desk/shared/contracts/scheduled-messages";
import { MAX_MESSAGE_BYTES, messageTextBytes } from "@dm-desk/shared/rules/message-text";
import { STANDARD_WINDOW_MS } from "@dm-desk/shared/rules/messaging-window";
import { checkScheduledTime, type ScheduleRefusalReason } from "@dm-desk/shared/rules/scheduling";
import type { ScheduledMessage } from "@dm-desk/shared/schemas/scheduled-message";
import {
  defaultScheduleAt,
  formatScheduleTime,
  fromInputs,
  toInputs,
  toMinute,
} from "@/features/messages/utils/schedule-time.ts";

/** What the schedule dialog holds while it is open. */
export type ScheduleDraft = {
  when: "at_time" | "next_write";
  date: string;
  time: string;
  cancelIfReply: boolean;
  text: string;
  /** the text is this template's, rendered again when it is sent */
  templateId: string | null;
};

export type EditableScheduled = Pick<
  ScheduledMessage,
  "scheduled_for" | "wait_for_reply" | "cancel_if_reply" | "text" | "template_id"
>;

/** A new message proposes a time (or waits, when no time is possible); a reschedule starts as is. */
export function initialDraft(
  input: { replyUntil: Date | null; now: Date; editing?: EditableScheduled },
): ScheduleDraft {
  const { editing, replyUntil, now } = input;
  const isOpen = replyUntil !== null && replyUntil > now;
  if (editing) {
    return {
      when: editing.wait_for_reply ? "next_write" : "at_time",
      ...toInputs(
        editing.scheduled_for
          ? new Date(editing.scheduled_for)
          : defaultScheduleAt(now, replyUntil),
      ),
      cancelIfReply: editing.cancel_if_reply,
      text: editing.text,
      templateId: editing.template_id,
    };
  }
  return {
    when: isOpen ? "at_time" : "next_write",
    ...toInputs(defaultScheduleAt(now, replyUntil)),
    cancelIfReply: false,
    text: "",
    templateId: null,
  };
}

const REFUSALS: Record<ScheduleRefusalReason, (closes: string) => string> = {
  no_inbound_message: () =>
    "They haven't written yet, so Instagram allows no message at a set time. " +
    "Choose “When they next write”.",
  window_closed: () =>
    "The 24-hour window is closed, so no time is possible. Choose “When they next write”.",
  after_window: (closes) =>
    `That's after the 24-hour window closes (${closes}). Pick an earlier time, or choose ` +
    "“When they next write”.",
  in_the_past: () => "That time has passed. Pick a later one.",
};

/**
 * Why the draft's time cannot be used, by the rules the server applies (rules/scheduling.ts);
 * null when it can, or when the time is a reschedule's unchanged one.
 */
export function timeProblem(
  draft: ScheduleDraft,
  input: { replyUntil: Date | null; now: Date; editing?: EditableScheduled },
): string | null {
  if (draft.when !== "at_time") return null;
  const at = fromInputs(draft.date, draft.time);
  if (!at) return "Pick a date and a time.";
  if (input.editing && !isTimeChanged(at, input.editing)) return null;
  const decision = checkScheduledTime({
    scheduledFor: at,
    lastInboundAt: input.replyUntil
      ? new Date(input.replyUntil.getTime() - STANDARD_WINDOW_MS)
      : null,
    now: input.now,
  });
  if (decision.allowed) return null;
  const closes = decision.windowClosesAt
    ? formatScheduleTime(decision.windowClosesAt, input.now)
    : "";
  return REFUSALS[decision.reason](closes);
}

/** Why the text cannot be sent; null when it can. */
export function textProblem(text: string): string | null {
  if (text.trim() === "") return "Write a message or pick a template.";
  if (messageTextBytes(text) > MAX_MESSAGE_BYTES) {
    return "Too long for Instagram: shorten it to 1000 bytes.";
  }
  return null;
}

function isTimeChanged(at: Date, editing: EditableScheduled) {
  if (editing.wait_for_reply || !editing.scheduled_for) return true;
  return at.getTime() !== toMinute(new Date(editing.scheduled_for)).getTime();
}

/** The body of POST /scheduled-messages for this draft. */
export function toCreateRequest(
  draft: ScheduleDraft,
  conversationId: string,
): CreateScheduledMessage {
  const content = draft.templateId ? { template_id: draft.templateId } : { text: draft.text };
  if (draft.when === "next_write") {
    return { conversation_id: conversationId, ...content, wait_for_reply: true };
  }
  return {
    conversation_id: conversationId,
    ...content,
    scheduled_for: fromInputs(draft.date, draft.time)!.toISOString(),
    cancel_if_reply: draft.cancelIfReply,
  };
}

/** What a reschedule changes (PATCH /scheduled-messages/:id): only what differs. */
export function toUpdateChanges(
  draft: ScheduleDraft,
  editing: EditableScheduled,
): UpdateScheduledMessage {
  const changes: UpdateScheduledMessage = {};
  if (draft.when === "next_write") {
    if (!editing.wait_for_reply) changes.wait_for_reply = true;
  } else {
    const at = fromInputs(draft.date, draft.time);
    if (at && isTimeChanged(at, editing)) changes.scheduled_for = at.toISOString();
    if (draft.cancelIfReply !== editing.cancel_if_reply) {
      changes.cancel_if_reply = draft.cancelIfReply;
    }
  }
  // new text replaces the template: the server sends it as written
  if (draft.text !== editing.text) changes.text = draft.text;
  return changes;
}
