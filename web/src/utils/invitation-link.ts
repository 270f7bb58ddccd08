import { paths } from "@/config/paths.ts";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The link an invitee opens: the SPA's own /invite/<token> page. */
export function invitationLink(origin: string, token: string): string {
  return `${origin}${paths.invite.getHref(token)}`;
}

/**
 * The token in what someone pasted: the whole link (from any host, since production and local
 * URLs differ) or the bare token. null when it holds no complete token.
 */
export function invitationTokenFromLink(pasted: string): string | null {
  const text = pasted.trim();
  if (TOKEN.test(text)) return text;
  const match = /\/invite\/([^/?#\s]+)/.exec(text);
  return match && TOKEN.test(match[1]!) ? match[1]! : null;
}
