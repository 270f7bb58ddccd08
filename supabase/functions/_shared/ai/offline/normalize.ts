/**
 * Text as the offline provider compares it: lower case, accents dropped ("años" and "anos" are
 * the same word to someone typing on a phone), letters repeated three times or more cut to two
 * ("soooo" → "soo"), curly quotes straight.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/(\p{L})\1{2,}/gu, "$1$1");
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  couple: 2,
  un: 1,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
};

/** A count written in digits or as a word (English or Spanish), or null. */
export function parseCount(word: string): number | null {
  const digits = /^\d+(?:\.\d+)?$/.test(word) ? Number(word) : null;
  return digits ?? NUMBER_WORDS[word] ?? null;
}

/** The alternation of every number word, for regular expressions. */
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS).filter((w) => w.length > 2).join("|");
