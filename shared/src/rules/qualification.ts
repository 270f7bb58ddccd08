import type { AnalysisEntities, MessageAnalysis } from "../contracts/message-analysis.ts";
import type { QualificationState } from "../schemas/enums.ts";

/**
 * The qualification state machine (seed 001): new → qualifying → qualified → booked → closed.
 * The AI only ever moves a conversation forward and never closes it; a person may move it
 * anywhere (back to qualifying after a no-show, closed at any point, reopened).
 */
export const QUALIFICATION_ORDER: readonly QualificationState[] = [
  "new",
  "qualifying",
  "qualified",
  "booked",
  "closed",
];

export interface QualificationMove {
  to: QualificationState;
  reason: string;
}

/** Intents that mean the contact is talking to us about the opportunity. */
const ENGAGED = new Set([
  "interested",
  "compensation_question",
  "requirements_question",
  "schedule_call",
]);

/**
 * Where the AI moves a conversation after analysing one message, given what the conversation has
 * told so far (`known`: the entities of all its analysed messages, the latest value of each):
 *  - booked: the contact names a time for the call ("tomorrow at 3pm") while asking for one;
 *  - qualified: their email, phone and licence status are all known;
 *  - qualifying: they engage (interest, a pay or requirements question, a call request).
 * Null when it stays where it is: never backwards, never to closed, never out of closed.
 */
export function aiQualificationMove(
  current: QualificationState,
  analysis: Pick<MessageAnalysis, "intent" | "entities">,
  known: AnalysisEntities,
): QualificationMove | null {
  const rank = QUALIFICATION_ORDER.indexOf(current);
  const forward = (to: QualificationState, reason: string) =>
    QUALIFICATION_ORDER.indexOf(to) > rank ? { to, reason } : null;
  if (current === "closed") return null;

  const availability = analysis.entities.availability;
  if (analysis.intent === "schedule_call" && availability?.has_time) {
    return forward("booked", `call requested for ${availability.text}`);
  }
  if (known.email && known.phone && known.licensed !== null) {
    const moved = forward("qualified", "email, phone and licence status known");
    if (moved) return moved;
  }
  if (ENGAGED.has(analysis.intent)) {
    return forward("qualifying", `the contact engaged (${analysis.intent.replaceAll("_", " ")})`);
  }
  return null;
}

/** A person may move a conversation to any other state. */
export function canPersonMove(from: QualificationState, to: QualificationState): boolean {
  return from !== to;
}

/** The entities of a conversation's analyses, oldest first, folded: the latest value of each. */
export function knownEntities(history: AnalysisEntities[]): AnalysisEntities {
  const known: AnalysisEntities = {
    email: null,
    phone: null,
    us_state: null,
    years_experience: null,
    licensed: null,
    availability: null,
    order: null,
  };
  for (const entities of history) {
    for (const key of Object.keys(known) as (keyof AnalysisEntities)[]) {
      if (entities[key] !== null && entities[key] !== undefined) {
        (known as Record<string, unknown>)[key] = entities[key];
      }
    }
  }
  return known;
}
