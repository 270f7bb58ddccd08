/** Identifier shapes that look like Meta's, so code that logs or stores them sees realistic values. */

const encoder = new TextEncoder();

/** A decimal id of `length` digits that never starts with 0 (Graph ids are numeric strings). */
export function numericId(prefix: string, length: number): string {
  const digits = crypto.getRandomValues(new Uint8Array(length - prefix.length));
  return prefix + Array.from(digits, (b) => String(b % 10)).join("");
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(
    /=+$/,
    "",
  );
}

export function randomToken(prefix: string, bytes = 48): string {
  return prefix + base64Url(crypto.getRandomValues(new Uint8Array(bytes))).replace(/[-_]/g, "Z");
}

/** Instagram Login user tokens start with "IGAA"; Facebook user and Page tokens with "EAA". */
export const instagramToken = () => randomToken("IGAA");
export const facebookToken = () => randomToken("EAA");
export const authorizationCode = () => randomToken("AQ", 96);

/**
 * Real Instagram mids are base64 of "ig_message_item:1:IGMessageThread:<account>:<thread>:<item>";
 * we build them the same way so they are long, opaque and unique like Meta's.
 */
export function messageId(igAccountId: string, threadId: string): string {
  const item = numericId("3", 39);
  return base64Url(
    encoder.encode(`ig_message_item:1:IGMessageThread:${igAccountId}:${threadId}:${item}`),
  );
}

/** Conversation ids are base64 of "ig_t:1:IGMessageThread:<account>:<thread>" in the same way. */
export function conversationId(igAccountId: string, threadId: string): string {
  return base64Url(encoder.encode(`ig_t:1:IGMessageThread:${igAccountId}:${threadId}`));
}

/** fbtrace_id is an 11–27 character opaque string in every Graph error. */
export const fbtraceId = () => randomToken("A", 16).slice(0, 23);

/** An opaque Graph paging cursor (base64 of an offset). */
export const encodeCursor = (offset: number) => btoa(`offset:${offset}`).replace(/=+$/, "");
export function decodeCursor(cursor: string | null): number | undefined {
  if (!cursor) return undefined;
  try {
    const match = /^offset:(\d+)$/.exec(atob(cursor));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
