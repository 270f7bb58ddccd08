import { z } from "zod";

const emailSchema = z.email().max(254);

/**
 * Addresses written out to dodge filters ("maria at gmail dot com", "maria(at)gmail.com"): the
 * local part and the domain, joined again. Only well-known mail domains, so that "meet at noon
 * dot" never becomes an address.
 */
const SPELLED_OUT =
  /\b([a-z0-9][a-z0-9._%+-]{0,63})\s*(?:\(at\)|\[at\]|\bat\b|\barroba\b)\s*(gmail|yahoo|hotmail|outlook|icloud|aol|live|msn|proton(?:mail)?)\s*(?:\(dot\)|\[dot\]|\bdot\b|\bpunto\b|\.)\s*(com|net|org|es|mx)\b/i;

/**
 * The contact's email address: the first token wink tagged as an email, else one spelled out.
 * Lower-cased (mail providers ignore case) and checked with the contract's own rule.
 */
export function extractEmail(winkEmails: string[], text: string): string | null {
  for (const candidate of winkEmails) {
    const email = candidate.replace(/[.,;:!?)]+$/, "").toLowerCase();
    if (emailSchema.safeParse(email).success) return email;
  }
  const spelled = SPELLED_OUT.exec(text);
  if (spelled) {
    const email = `${spelled[1]}@${spelled[2]}.${spelled[3]}`.toLowerCase();
    if (emailSchema.safeParse(email).success) return email;
  }
  return null;
}
