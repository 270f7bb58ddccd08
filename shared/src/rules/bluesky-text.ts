/**
 * How Bluesky measures a post's text (docs/bluesky.md §4): at most 300 graphemes (what a reader
 * sees as one character: 👍🏽 and 🇺🇸 are one each) and 3000 UTF-8 bytes. Intl.Segmenter counts
 * extended grapheme clusters as Bluesky's `graphemer` does, in the browser and in Deno alike.
 */
export const BLUESKY_POST_MAX_GRAPHEMES = 300;
export const BLUESKY_POST_MAX_BYTES = 3000;
/** A DM (chat.bsky.convo messageInput): 1000 graphemes, 10,000 bytes (docs/bluesky.md §5). */
export const BLUESKY_DM_MAX_GRAPHEMES = 1000;
export const BLUESKY_DM_MAX_BYTES = 10_000;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Why the text cannot go out as a post (or DM), or null when it can. */
export function blueskyTextProblem(text: string, kind: "post" | "dm" = "post"): string | null {
  const maxGraphemes = kind === "post" ? BLUESKY_POST_MAX_GRAPHEMES : BLUESKY_DM_MAX_GRAPHEMES;
  const maxBytes = kind === "post" ? BLUESKY_POST_MAX_BYTES : BLUESKY_DM_MAX_BYTES;
  if (!text.trim()) return "Write something first";
  const graphemes = graphemeLength(text);
  if (graphemes > maxGraphemes) {
    return `Bluesky allows ${maxGraphemes} characters; this is ${graphemes}`;
  }
  if (utf8Length(text) > maxBytes) return `Bluesky allows ${maxBytes} bytes of text`;
  return null;
}
