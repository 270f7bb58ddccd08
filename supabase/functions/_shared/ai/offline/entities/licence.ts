/**
 * Whether the contact says they hold an insurance licence. Denials are read first, so "I'm not
 * licensed yet" is false, not true; a question ("do I need to be licensed?") says nothing about
 * them and is null. The text is already normalized (normalize.ts).
 */
const DENIED = [
  /\b(?:i'?m|i am|im|am) not (?:yet |currently )?licensed\b/,
  /\bnot (?:yet )?licensed\b(?! agents? only)/,
  /\bunlicensed\b/,
  /\b(?:i )?(?:don'?t|do not|dont) (?:have|hold) (?:a|my|any|an insurance|a life|a health)? ?(?:insurance |life |health )?licen[cs]e\b/,
  /\bno licen[cs]e\b/,
  /\b(?:haven'?t|have not|havent) (?:gotten|got|taken|passed|gotten my|got my|done)\b[^.?!]{0,20}licen/,
  /\bwithout (?:a|my) licen[cs]e\b/,
  /\b(?:need|have|going) to get (?:my |a )?licen(?:[cs]e|sed)\b(?![^.?!]{0,20}\?)/,
  /\bno (?:tengo|cuento con) (?:la |mi |una )?licencia\b/,
  /\bsin licencia\b/,
  /\bno estoy licenciad[oa]\b/,
];
const CLAIMED = [
  /\b(?:i'?m|i am|im|am|i've been|ive been|been) (?:a )?(?:already |currently |fully |recently |newly |just got |now )?licensed\b/,
  /\blicensed (?:agent|producer|in (?:\d+ )?(?:states?|[a-z]{2}\b|[a-z]+))/,
  /\b(?:i )?(?:have|hold|got|passed|just got|already have) (?:my|a|an|the)? ?(?:active |valid |current )?(?:life|health|l&h|life and health|p&c|insurance|resident|non.?resident)?(?: and health)?(?: insurance)? ?licen[cs]e/,
  /\bmy licen[cs]e (?:is|number|#)/,
  /\b(?:tengo|ya tengo|cuento con) (?:mi |la |una )?licencia\b/,
  /\b(?:estoy|soy) (?:agente )?licenciad[oa]\b/,
];

export function extractLicensed(normalized: string): boolean | null {
  // a question about the rules is not a statement about themselves
  const statements = normalized.split(/(?<=[.!?\n])/).filter((part) => !part.trim().endsWith("?"));
  const said = statements.join(" ");
  if (DENIED.some((pattern) => pattern.test(said))) return false;
  if (CLAIMED.some((pattern) => pattern.test(said))) return true;
  return null;
}
