import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { insertText } from "@/features/messages/utils/insert-text.ts";

/**
 * Unsent replies by conversation, for as long as the tab lives: opening another conversation, a
 * phone's back button or a reload must not throw away what a recruiter was writing. Kept in
 * sessionStorage (gone with the tab, never shared with other tabs), under the member's id so that
 * someone else signing in on the same tab does not get them; in memory where storage is refused.
 */
const PREFIX = "dm-desk:draft:";
const fallback = new Map<string, string>();

function readDraft(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? "";
  } catch {
    return fallback.get(key) ?? "";
  }
}

function writeDraft(key: string, text: string) {
  try {
    if (text === "") sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, text);
  } catch {
    if (text === "") fallback.delete(key);
    else fallback.set(key, text);
  }
}

/**
 * The reply box's text for one conversation, and `insert` for templates and AI shortcuts: at the
 * caret or after the text (insert-text.ts), then the caret right after what was inserted.
 */
export function useConversationDraft(userId: string, conversationId: string) {
  const key = `${PREFIX}${userId}:${conversationId}`;
  const [draft, setDraftState] = useState(() => readDraft(key));
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const caretAfterRender = useRef<number | null>(null);

  const setDraft = useCallback((text: string) => {
    setDraftState(text);
    writeDraft(key, text);
  }, [key]);

  const insert = useCallback((snippet: string) => {
    if (snippet === "") return;
    const box = textareaRef.current;
    const selection = box ? { start: box.selectionStart, end: box.selectionEnd } : null;
    const next = insertText(box?.value ?? readDraft(key), snippet, selection);
    caretAfterRender.current = next.caret;
    setDraft(next.text);
  }, [key, setDraft]);

  useLayoutEffect(() => {
    const caret = caretAfterRender.current;
    const box = textareaRef.current;
    if (caret === null || !box) return;
    caretAfterRender.current = null;
    box.focus();
    box.setSelectionRange(caret, caret);
  }, [draft]);

  return { draft, setDraft, insert, textareaRef };
}
