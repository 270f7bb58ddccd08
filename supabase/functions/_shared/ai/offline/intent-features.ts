import { normalizeText } from "./normalize.ts";

/** What stands in for a value whose words say nothing about intent: any email is an email. */
const PLACEHOLDERS: [RegExp, string][] = [
  [/\S+@\S+\.\S+/g, " _email_ "],
  [/\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:com|net|io|co|ly|me)\/\S*/g, " _url_ "],
  [/\+?\d[\d\s().-]{7,}\d/g, " _phone_ "],
  [/\$\s?\d[\d,.]*\s?k?|\b\d[\d,.]*\s?(?:k|usd|dollars|dolares|mil)\b/g, " _money_ "],
  [/@[a-z0-9_.]+/g, " _handle_ "],
  [/\b\d+\b/g, " _num_ "],
];

/**
 * Words that say the same thing in a recruiting DM, English and Spanish, misspelt or not, folded
 * into one concept feature each: the model learns "#money" once instead of learning "pay",
 * "pagan" and "salry" from separate examples. Matched on word starts (`comis` covers "comision",
 * "comission" and "comisiones").
 */
const CONCEPTS: [string, RegExp][] = [
  [
    "money",
    /^(?:pay|paid|pago|pagan|paga|payout|salar|salry|sueldo|comm?iss|comis|comp$|compensat|income|earn|gana|money|dinero|_money_|bonus|bono|split|override|advance|payc|check$|cheque|renewal|chargeback|1099|w2|fee|cost|cuest|residual|contract$|cuanto|\$)/,
  ],
  [
    "requirement",
    /^(?:licen|requir|requis|requirm|experien|experian|exp$|degree|titulo|remote|remot|part$|full$|hours|horas|background|eligib|qualif|train|capacit|necesit|citizen|age$|edad|laptop|equipment|state$|states|estado|onboard|exam|course|curso)/,
  ],
  [
    "call",
    /^(?:call|zoom|talk|chat$|phone|facetime|meet|appoint|schedul|book|calend|availab|interview|llam|habl|disponib|reunion|webinar|session|ring$|reschedul|slot|cita)/,
  ],
  [
    "when",
    /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tmrw|tmr|2morrow|today|tonight|morning|afternoon|evening|weekend|pm$|am$|noon|lunch|manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|tarde|noche|hoy|week$|semana|later|now$|rn$)/,
  ],
  [
    "negation",
    /^(?:no$|not$|nah|nope|don'?t|dont|never|stop|pass$|decline|unsubscribe|remove|leave|nunca|tampoco|quit|out$)/,
  ],
  [
    "interest",
    /^(?:interes|intres|intere|join|unir|sign$|apply|aplic|info|more$|mas$|start|empez|ready|listo|want$|quiero|wanna|love$|excited|count$)/,
  ],
  [
    "shop",
    /^(?:hoodie|hoody|sweatshirt|crewneck|t-?shirt|shirt|tee$|tees|tank|jacket|hat$|hats|cap$|caps|beanie|mug|tumbler|bottle|sticker|poster|tote|candle|planner|journal|jogger|sweatpants|shorts|legging|socks|paint|sudader|camiset|playera|camisa|gorra|taza|chaquet|botella|termo|order|orden|pedido|buy|compr|purchase|ship|envi|size|talla|xl$|xxl|2xl|small$|medium|large$)/,
  ],
  [
    "colour",
    /^(?:black|blak|white|red$|blue|navy|green|olive|grey|gray|pink|purple|yellow|orange|brown|beige|cream|maroon|negr|blanc|roj|azul|verde|gris|rosa|morad|amarill)/,
  ],
  [
    "spam",
    /^(?:follower|seguidor|likes$|crypto|bitcoin|btc|forex|giveaway|prize|premio|verif|promo|promot|viral|whatsapp|dear$|babe|sweet|sugar|nft|invest|inversion|returns|loan|click|clic|_url_|bio$|won$|win$|gana(?:ste)?$|cheap|guarantee|airdrop|profits?|hacked|suspend|disabled|violat|gift|singles|sexy)/,
  ],
  [
    "greeting",
    /^(?:hi$|hello|hey+$|hola|thanks|thank|thx|gracias|ok$|okay|k$|lol|haha|jaja|bye|merry|happy|feliz|congrat|saludos|buenos|morning)/,
  ],
];

/** Letters per word piece: 5 did best in cross-validation on the training set (3 to 5 tried). */
const PIECE = 5;

const TOKEN = /[\p{L}_']+|\p{Extended_Pictographic}|[?!]/gu;

/** Words and emoji of a message, normalized, with values replaced by their kind. */
export function intentTokens(text: string): string[] {
  let normalized = normalizeText(text);
  for (const [pattern, placeholder] of PLACEHOLDERS) {
    normalized = normalized.replace(pattern, placeholder);
  }
  return (normalized.match(TOKEN) ?? []).map((token) => token.replace(/^'+|'+$/g, ""))
    .filter((token) => token.length > 0);
}

/**
 * The features the intent classifier weighs: each word, each pair of neighbouring words, and the
 * 3- to 5-letter pieces of each word between boundary marks ("<pay", "pay>"), so a misspelling
 * ("compensaton", "interesed") still shares most of its pieces with the word it meant.
 * Deduplicated: a word said twice is no stronger a signal.
 */
export function intentFeatures(text: string): string[] {
  const tokens = intentTokens(text);
  const features = new Set<string>();
  if (tokens.length <= 2) features.add("#short");
  let negatedAt = -10;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    features.add(`w:${token}`);
    for (const [concept, pattern] of CONCEPTS) {
      if (!pattern.test(token)) continue;
      features.add(`#${concept}`);
      if (concept === "negation") negatedAt = i;
      // "not interested", "no me interesa", "don't want to": the interest is denied
      else if (i - negatedAt <= 3) features.add(`#not-${concept}`);
    }
    if (i > 0) features.add(`b:${tokens[i - 1]}_${token}`);
    if (token.length >= 3 && !token.startsWith("_")) {
      const marked = `<${token}>`;
      for (let start = 0; start + PIECE <= marked.length; start++) {
        features.add(`c:${marked.slice(start, start + PIECE)}`);
      }
    }
  }
  return [...features];
}
