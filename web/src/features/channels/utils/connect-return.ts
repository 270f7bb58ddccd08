import {
  type ConnectResult,
  connectResultSchema,
} from "@dm-desk/shared/contracts/instagram-connect";
import { base64UrlToJson } from "@dm-desk/shared/encoding/base64url";

export const CONNECT_OUTCOMES = ["connected", "partial", "cancelled", "failed"] as const;
export type ConnectOutcome = (typeof CONNECT_OUTCOMES)[number];

export type ConnectReturn = {
  outcome: ConnectOutcome;
  reason?: string;
  result?: ConnectResult;
};

// The parameters instagram-oauth-callback appends when it sends the browser back to us.
export const CONNECT_RETURN_PARAMS = ["connect", "reason", "result"] as const;

function isOutcome(value: string | null): value is ConnectOutcome {
  return CONNECT_OUTCOMES.includes(value as ConnectOutcome);
}

/** What the callback reported, or null when this is not a return from Meta. */
export function parseConnectReturn(params: URLSearchParams): ConnectReturn | null {
  const outcome = params.get("connect");
  if (!isOutcome(outcome)) return null;
  const reason = params.get("reason") || undefined;
  return { outcome, reason, result: decodeResult(params.get("result")) };
}

// A mangled `result` (a link copied by hand, a proxy rewriting the query) loses the
// per-platform detail but not the banner: the outcome and reason still say what happened.
function decodeResult(raw: string | null): ConnectResult | undefined {
  if (!raw) return undefined;
  try {
    const parsed = connectResultSchema.safeParse(base64UrlToJson(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const PLATFORM_LABELS = { facebook: "Facebook Page", instagram: "Instagram" } as const;

type Outcome = NonNullable<ConnectResult["facebook"]>;

function describeOutcome(platform: keyof typeof PLATFORM_LABELS, outcome: Outcome): string {
  const label = PLATFORM_LABELS[platform];
  if (!outcome.connected) {
    return outcome.reason ? `${label} not connected: ${outcome.reason}` : `${label} not connected`;
  }
  const names = (outcome.accounts ?? [])
    .map((account) => account.username)
    .filter((name): name is string => Boolean(name))
    .map((name) => (platform === "instagram" ? `@${name}` : name));
  return names.length ? `${label} connected: ${names.join(", ")}` : `${label} connected`;
}

/** One line per platform, Facebook first (the Page is what the Instagram account hangs off). */
export function describeConnectResult(result: ConnectResult | undefined): string[] {
  if (!result) return [];
  const lines: string[] = [];
  if (result.facebook) lines.push(describeOutcome("facebook", result.facebook));
  if (result.instagram) lines.push(describeOutcome("instagram", result.instagram));
  return lines;
}
