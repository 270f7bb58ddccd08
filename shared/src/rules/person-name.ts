/**
 * First and last name from a display name as Instagram shows it ("Maria José Gonzalez" → "Maria",
 * "José Gonzalez"). Emoji and decorations are kept: people write their names as they like.
 */
export function splitDisplayName(displayName: string | null | undefined): {
  first_name: string | null;
  last_name: string | null;
} {
  const words = (displayName ?? "").trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { first_name: null, last_name: null };
  return { first_name: words[0]!, last_name: words.slice(1).join(" ") || null };
}
