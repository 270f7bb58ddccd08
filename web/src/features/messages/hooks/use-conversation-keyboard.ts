import { type KeyboardEvent, useEffect, useRef } from "react";

/** The reply box of either channel's conversation view (composer.tsx, bluesky-composer.tsx). */
const REPLY_BOX = 'form[aria-label="Reply"] textarea';

/**
 * A conversation opened from the list with Enter takes the focus in its reply box (or the
 * conversation itself while replies are off), so a recruiter can answer without the mouse; opened
 * by a click or a tap it leaves the focus alone (a phone would pop its keyboard up over what they
 * came to read). Escape in the reply box, or on the conversation, goes back to the list.
 */
export function useConversationKeyboard(input: { focusOnOpen: boolean; onLeave?: () => void }) {
  const sectionRef = useRef<HTMLElement>(null);
  const { focusOnOpen } = input;
  useEffect(() => {
    if (!focusOnOpen) return;
    const section = sectionRef.current;
    const box = section?.querySelector<HTMLTextAreaElement>(`${REPLY_BOX}:not(:disabled)`);
    (box ?? section)?.focus();
  }, [focusOnOpen]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "Escape" || event.defaultPrevented || !input.onLeave) return;
    const target = event.target as HTMLElement;
    if (target !== event.currentTarget && !target.matches(REPLY_BOX)) return;
    event.preventDefault();
    input.onLeave();
  };
  return { sectionRef, onKeyDown };
}
