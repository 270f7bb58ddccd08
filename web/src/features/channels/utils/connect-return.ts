import type { ConnectResult } from "@dm-desk/shared/contracts/instagram-connect";
import { z } from "zod";

export const CONNECT_OUTCOMES = ["connected", "partial", "cancelled", "failed"] as const;
/** `confirming`: the SPA is completing the consent the callback parked. */
export type ConnectOutcome = (typeof CONNECT_OUTCOMES)[number] | "confirming";

export type ConnectReturn = {
  outcome: ConnectOutcome;
  reason?: string;
  result?: ConnectResult;
};

/**
 * What instagram-oauth-callback said on the way back: a consent to confirm
 * (`connection=<id>`), or one that ended at Meta (`connect=cancelled|failed` and a `reason`).
 */
export type ConnectLanding =
  | { kind: "confirm"; connectionId: string }
  | { kind: "ended"; connectReturn: ConnectReturn };

// The parameters instagram-oauth-callback appends when it sends the browser back to us.
export const CONNECT_RETURN_PARAMS = ["connect", "reason", "connection"] as const;

function isOutcome(value: string | null): value is (typeof CONNECT_OUTCOMES)[number] {
  return CONNECT_OUTCOMES.includes(value as (typeof CONNECT_OUTCOMES)[number]);
}

/** What the callback reported, or null when this is not a return from Meta. */
export function parseConnectLanding(params: URLSearchParams): ConnectLanding | null {
  const connectionId = z.uuid().safeParse(params.get("connection"));
  if (connectionId.success) return { kind: "confirm", connectionId: connectionId.data };
  const outcome = params.get("connect");
  if (!isOutcome(outcome)) return null;
  const reason = params.get("reason") || undefined;
  return { kind: "ended", connectReturn: { outcome, reason } };
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
