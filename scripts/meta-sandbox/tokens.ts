/** Issuing, checking, ageing and revoking access tokens (§1A, §1B). */
import { graphErrors, type GraphHost } from "./graph-errors.ts";
import { facebookToken, instagramToken } from "./ids.ts";
import {
  type AccessToken,
  HOUR_MS,
  LONG_LIVED_SECONDS,
  type SandboxState,
  type TokenKind,
  type TokenOwner,
} from "./sandbox-state.ts";

/** How long each kind lives: short-lived 1 h (§1A step 2), long-lived 5183944 s (§1A step 3, §1B). */
export function lifetimeMs(kind: TokenKind): number | null {
  switch (kind) {
    case "instagram_short":
    case "facebook_user_short":
      return HOUR_MS;
    case "instagram_long":
    case "facebook_user_long":
      return LONG_LIVED_SECONDS * 1000;
    case "page":
      return null;
  }
}

export function issueToken(
  state: SandboxState,
  kind: TokenKind,
  owner: TokenOwner,
  scopes: string[],
  options: { now?: number; expiresAt?: number | null } = {},
): AccessToken {
  const now = options.now ?? Date.now();
  const life = lifetimeMs(kind);
  const token: AccessToken = {
    value: kind.startsWith("instagram") ? instagramToken() : facebookToken(),
    kind,
    issuedAt: now,
    expiresAt: options.expiresAt !== undefined
      ? options.expiresAt
      : life === null
      ? null
      : now + life,
    scopes: [...scopes],
    owner,
    revoked: false,
  };
  state.tokens.set(token.value, token);
  return token;
}

/**
 * The token behind a Graph call, or the documented 190 error. Instagram Login tokens only work on
 * graph.instagram.com and Facebook tokens only on graph.facebook.com (§1A, §1B: different hosts).
 */
export function checkToken(
  state: SandboxState,
  value: string | undefined,
  host: GraphHost,
  aboutMe: boolean,
  now = Date.now(),
): AccessToken {
  if (!value) throw graphErrors.missingToken(aboutMe);
  const token = state.tokens.get(value);
  const hostMatches = token &&
    (host === "graph.instagram.com") === token.kind.startsWith("instagram");
  if (!token || !hostMatches) throw graphErrors.unparsableToken();
  assertUsable(token, now);
  return token;
}

export function assertUsable(token: AccessToken, now = Date.now()) {
  if (token.revoked) throw graphErrors.revokedToken();
  if (token.expiresAt !== null && token.expiresAt <= now) {
    throw graphErrors.expiredToken(token.expiresAt, now);
  }
}

/** Every token that acts for an Instagram account: its own, its Page's, and the Page owner's. */
export function tokensOfAccount(state: SandboxState, igAccountId: string): AccessToken[] {
  const account = state.accounts.get(igAccountId);
  const page = account?.pageId ? state.pages.get(account.pageId) : undefined;
  return [...state.tokens.values()].filter((t) =>
    (t.owner.type === "instagram_account" && t.owner.igAccountId === igAccountId) ||
    (page && t.owner.type === "page" && t.owner.pageId === page.id) ||
    (page && t.owner.type === "facebook_user" && t.owner.userId === page.ownerUserId)
  );
}

/** Moves issue (and expiry) times back, as if the tokens were obtained `hours` earlier. */
export function ageTokens(state: SandboxState, igAccountId: string, hours: number): number {
  const tokens = tokensOfAccount(state, igAccountId);
  for (const token of tokens) {
    token.issuedAt -= hours * HOUR_MS;
    if (token.expiresAt !== null) token.expiresAt -= hours * HOUR_MS;
  }
  return tokens.length;
}

export function revokeTokens(state: SandboxState, igAccountId: string): number {
  const tokens = tokensOfAccount(state, igAccountId);
  for (const token of tokens) token.revoked = true;
  return tokens.length;
}

export function expiresInSeconds(token: AccessToken, now = Date.now()): number | undefined {
  return token.expiresAt === null ? undefined : Math.round((token.expiresAt - now) / 1000);
}
