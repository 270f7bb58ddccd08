import {
  US_STATE_CODES,
  type UsState,
} from "../../../../../../shared/src/contracts/message-analysis.ts";
import { normalizeText } from "../normalize.ts";

const STATE_NAMES: Record<string, UsState> = {
  alabama: "AL",
  alaska: "AK",
  arizona: "AZ",
  arkansas: "AR",
  california: "CA",
  colorado: "CO",
  connecticut: "CT",
  delaware: "DE",
  "district of columbia": "DC",
  "washington dc": "DC",
  "washington d.c.": "DC",
  florida: "FL",
  georgia: "GA",
  hawaii: "HI",
  idaho: "ID",
  illinois: "IL",
  indiana: "IN",
  iowa: "IA",
  kansas: "KS",
  kentucky: "KY",
  louisiana: "LA",
  maine: "ME",
  maryland: "MD",
  massachusetts: "MA",
  michigan: "MI",
  minnesota: "MN",
  mississippi: "MS",
  missouri: "MO",
  montana: "MT",
  nebraska: "NE",
  nevada: "NV",
  "new hampshire": "NH",
  "new jersey": "NJ",
  "new mexico": "NM",
  "new york": "NY",
  "north carolina": "NC",
  "north dakota": "ND",
  ohio: "OH",
  oklahoma: "OK",
  oregon: "OR",
  pennsylvania: "PA",
  "rhode island": "RI",
  "south carolina": "SC",
  "south dakota": "SD",
  tennessee: "TN",
  texas: "TX",
  utah: "UT",
  vermont: "VT",
  virginia: "VA",
  washington: "WA",
  "west virginia": "WV",
  wisconsin: "WI",
  wyoming: "WY",
  // Spanish names that differ
  tejas: "TX",
  "nueva york": "NY",
  "nuevo mexico": "NM",
  "carolina del norte": "NC",
  "carolina del sur": "SC",
  "nueva jersey": "NJ",
  luisiana: "LA",
  misisipi: "MS",
  hawai: "HI",
  pensilvania: "PA",
  "virginia occidental": "WV",
};

// Longest names first, so "west virginia" wins over "virginia" and "new york" over "york".
const NAME_PATTERN = new RegExp(
  `\\b(${
    Object.keys(STATE_NAMES).sort((a, b) => b.length - a.length)
      .map((name) => name.replace(/[.]/g, "\\.")).join("|")
  })\\b`,
);

// Codes that are also English or Spanish words: only after a place word ("licensed in OK").
const AMBIGUOUS = new Set(["IN", "ME", "OR", "OK", "HI", "DE", "LA", "PA", "MA", "AL", "ID", "CO"]);
const CODES = new Set<string>(US_STATE_CODES);
const PLACE_WORD =
  /(?:\bin|\bfrom|\bbased|\blive|\bliving|\blocated|\bof|\ben|\bde|\bdesde|,)\s*$/i;

/**
 * The US state the contact names: a state's name (English or Spanish, any case), or its USPS
 * code in capitals ("TX"; "IN", "OK" and the other codes that are also words only after "in",
 * "from", a comma and the like), or a lower-case code right after such a word ("licensed in tx").
 */
export function extractUsState(text: string): UsState | null {
  const name = NAME_PATTERN.exec(normalizeText(text));
  const byName = name ? { index: name.index, state: STATE_NAMES[name[1]!]! } : null;

  let byCode: { index: number; state: UsState } | null = null;
  for (const match of text.matchAll(/\b([A-Za-z]{2})\b/g)) {
    const code = match[1]!;
    const upper = code.toUpperCase();
    if (!CODES.has(upper)) continue;
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    const afterPlaceWord = PLACE_WORD.test(before);
    const isCapitals = code === upper;
    if (
      isCapitals ? AMBIGUOUS.has(upper) && !afterPlaceWord : !afterPlaceWord || AMBIGUOUS.has(upper)
    ) {
      continue;
    }
    byCode = { index: match.index, state: upper as UsState };
    break;
  }
  if (byName && byCode) return byName.index <= byCode.index ? byName.state : byCode.state;
  return byName?.state ?? byCode?.state ?? null;
}
