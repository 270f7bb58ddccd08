/**
 * The priority reminder: a conversation marked priority whose window is open and which has had no
 * reply from us for `REMINDER_QUIET_HOURS` gets one reminder, at most one per window, from the
 * IMO's chosen template or this default (template variables filled when it is sent).
 */
export const REMINDER_QUIET_HOURS = 12;

export const DEFAULT_REMINDER_TEXT =
  "Hi {{first_name}}, just checking in: is there anything else I can answer for you?";
