/**
 * Whether a comment holds a rule's keyword: as whole words, ignoring case and accents, so that
 * "join" fires on "JOIN!", "Join 🙌" and "i want to join", but not on "joined" or "rejoin". A
 * keyword of several words matches those words in a row ("more info" in "more  info please").
 */

/** The words of a text: letters and digits, lower case, accents removed (NFKD). */
export function keywordWords(text: string): string[] {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export function matchesKeyword(text: string, keyword: string): boolean {
  const wanted = keywordWords(keyword);
  if (wanted.length === 0) return false;
  const words = keywordWords(text);
  for (let start = 0; start + wanted.length <= words.length; start++) {
    if (wanted.every((word, i) => words[start + i] === word)) return true;
  }
  return false;
}
