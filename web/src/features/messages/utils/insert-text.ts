/** Where the reply box's selection was: the text between start and end is replaced. */
export type Selection = { start: number; end: number };

/**
 * A template or an AI shortcut put into what the person already wrote: at the caret (replacing
 * a selection), or after the text when there is no caret, never instead of it. A space keeps the
 * inserted words apart from the words around them. Answers the new text and where the caret
 * goes: right after what was inserted.
 */
export function insertText(
  draft: string,
  snippet: string,
  selection: Selection | null,
): { text: string; caret: number } {
  const start = Math.min(selection?.start ?? draft.length, draft.length);
  const end = Math.max(start, Math.min(selection?.end ?? draft.length, draft.length));
  const before = draft.slice(0, start);
  const after = draft.slice(end);
  const spaceBefore = before !== "" && !/\s$/.test(before) ? " " : "";
  const spaceAfter = after !== "" && !/^\s/.test(after) ? " " : "";
  const inserted = `${spaceBefore}${snippet}${spaceAfter}`;
  return {
    text: `${before}${inserted}${after}`,
    caret: before.length + spaceBefore.length + snippet.length,
  };
}
