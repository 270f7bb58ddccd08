import { normalizeText } from "./normalize.ts";

/**
 * Spanish words wink's English lexicon does not know, on the same scale (AFINN, -5 to 5). Emoji
 * and English words are wink's.
 */
const SPANISH: Record<string, number> = {
  gracias: 2,
  genial: 3,
  excelente: 3,
  perfecto: 3,
  bueno: 2,
  buena: 2,
  increible: 3,
  encanta: 3,
  feliz: 3,
  emocionado: 3,
  emocionada: 3,
  interesa: 1,
  claro: 1,
  super: 2,
  gusta: 2,
  malo: -3,
  mala: -3,
  horrible: -3,
  estafa: -4,
  molesto: -3,
  molesta: -3,
  basura: -3,
  enojado: -3,
  nunca: -1,
  odio: -4,
  spam: -2,
  fraude: -4,
  deja: -1,
  dejen: -2,
};

/**
 * Sentiment from -1 to 1: wink's score for the message, moved by the Spanish words it holds (their
 * mean, scaled like wink's, so a Spanish "gracias, genial" is as warm as "thanks, great").
 */
export function sentimentOf(winkScore: number, text: string): number {
  const words = normalizeText(text).match(/\p{L}+/gu) ?? [];
  const hits = words.map((word) => SPANISH[word]).filter((value) => value !== undefined);
  const negated = /\bno me (?:interesa|gusta)\b/.test(normalizeText(text));
  let spanish = hits.length ? hits.reduce((a, b) => a + b, 0) / hits.length / 5 : 0;
  if (negated) spanish = Math.min(spanish, -0.3);
  const score = hits.length ? (winkScore + spanish) / (winkScore === 0 ? 1 : 2) : winkScore;
  return Math.max(-1, Math.min(1, Math.round(score * 1000) / 1000));
}
