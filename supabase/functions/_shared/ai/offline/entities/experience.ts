import { NUMBER_WORD_PATTERN, parseCount } from "../normalize.ts";

const COUNT = `(\\d{1,2}(?:\\.\\d)?|${NUMBER_WORD_PATTERN}|half a|medio)`;
const YEARS = "(?:years?|yrs?|yr|anos?|años?)";
/** what the years must be of, within a few words: work, not age */
const FIELD =
  "(?:experience|exp\\b|experiencia|in (?:the )?(?:insurance|sales|business|industry|field|life|health|final expense|p&c)|selling|licensed|licenciad|as an? (?:agent|producer|recruiter|broker|rep)|vendiendo|en (?:ventas|seguros)|agent)";

const YEARS_OF_FIELD = new RegExp(
  `\\b${COUNT}\\s*\\+?\\s*${YEARS}\\b(?:(?!\\bold\\b)[^.!?\\n]){0,30}?${FIELD}`,
);
const FIELD_FOR_YEARS = new RegExp(
  `${FIELD}[^.!?\\n]{0,40}?\\b(?:for|over|about|almost|like|around|por|durante|hace)?\\s*${COUNT}\\s*\\+?\\s*${YEARS}\\b`,
);
const NONE =
  /\b(?:no (?:prior |previous |sales |insurance )?experience|zero experience|never (?:sold|worked in (?:sales|insurance))|sin experiencia|no tengo experiencia|brand new to (?:insurance|sales|this)|new to (?:insurance|sales|the industry))\b/;

/**
 * Years of experience the contact claims: "5 yrs experience", "been selling insurance for 3
 * years", "tengo 2 años de experiencia"; 0 for "no experience" or "brand new to insurance". Years
 * of age ("25 years old") do not count. The text is already normalized (normalize.ts).
 */
export function extractYearsOfExperience(normalized: string): number | null {
  const match = YEARS_OF_FIELD.exec(normalized) ?? FIELD_FOR_YEARS.exec(normalized);
  if (match) {
    const count = match[1] === "half a" || match[1] === "medio" ? 0.5 : parseCount(match[1]!);
    if (count !== null && count <= 60) return count;
  }
  return NONE.test(normalized) ? 0 : null;
}
