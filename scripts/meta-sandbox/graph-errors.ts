/**
 * Graph API errors in Meta's shape (§2 "Generic Graph errors"):
 * `{"error":{"message","type","code","error_subcode"?,"error_user_title"?,"error_user_msg"?,"is_transient"?,"fbtrace_id"}}`.
 *
 * HTTP statuses are not stated by Meta's docs. What we do and why:
 * - 403 for code 10 and the 200–299 permission family: the one live observation cited in §2 is
 *   10/2534022 answered with HTTP 403 (§2 error table, ComposioHQ/composio#3604), and §2 groups
 *   "10 and 200–299" as permission errors.
 * - 400 for everything else that is the caller's fault or a throttle (190, 100, 230, 551, 4, 17, 32, 613):
 *   Graph's usual status for an error answer.
 * - 500/503 only for injected server faults.
 */
import { fbtraceId } from "./ids.ts";

export type GraphHost = "graph.instagram.com" | "graph.facebook.com";

export interface GraphErrorBody {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
}

export class GraphError extends Error {
  constructor(readonly status: number, readonly body: GraphErrorBody) {
    super(body.message);
  }
}

export function graphErrorResponse(error: GraphError): Response {
  const body = { error: { ...error.body, fbtrace_id: fbtraceId() } };
  const headers = new Headers({ "content-type": "application/json; charset=UTF-8" });
  // Graph names token failures in WWW-Authenticate as well as in the body.
  if (error.body.type === "OAuthException" && error.body.code === 190) {
    headers.set(
      "www-authenticate",
      `OAuth "Facebook Platform" "invalid_token" "${error.body.message.replace(/"/g, "'")}"`,
    );
  }
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

/** Messaging errors on graph.instagram.com carry type IGApiException (§2, the live 2534022 answer). */
const messagingType = (host: GraphHost) =>
  host === "graph.instagram.com" ? "IGApiException" : "OAuthException";

export const graphErrors = {
  // --- access tokens (§2: 190 with subcodes 458/460/463 means log in again) ---
  missingToken: (aboutMe: boolean) =>
    aboutMe
      ? new GraphError(400, {
        message: "An active access token must be used to query information about the current user.",
        type: "OAuthException",
        code: 2500,
      })
      : new GraphError(400, {
        message: "An access token is required to request this resource.",
        type: "OAuthException",
        code: 104,
      }),
  unparsableToken: () =>
    new GraphError(400, {
      message: "Invalid OAuth access token - Cannot parse access token",
      type: "OAuthException",
      code: 190,
    }),
  expiredToken: (expiredAt: number, now: number) =>
    new GraphError(400, {
      message: `Error validating access token: Session has expired on ${metaDate(expiredAt)}. ` +
        `The current time is ${metaDate(now)}.`,
      type: "OAuthException",
      code: 190,
      error_subcode: 463,
    }),
  revokedToken: () =>
    new GraphError(400, {
      message: "Error validating access token: The session has been invalidated because the user " +
        "changed their password or Facebook has changed the session for security reasons.",
      type: "OAuthException",
      code: 190,
      error_subcode: 460,
    }),
  pageTokenRequired: () =>
    new GraphError(403, {
      message: "(#210) A page access token is required to request this resource.",
      type: "OAuthException",
      code: 210,
    }),
  missingPermission: (scope: string) =>
    new GraphError(403, {
      message: `(#10) Application does not have permission for this action (${scope} is required)`,
      type: "OAuthException",
      code: 10,
    }),

  // --- objects and parameters ---
  unknownObject: (method: string, id: string) =>
    new GraphError(400, {
      message:
        `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, ` +
        "cannot be loaded due to missing permissions, or does not support this operation.",
      type: "GraphMethodException",
      code: 100,
      error_subcode: 33,
    }),
  unknownPath: (path: string) =>
    new GraphError(400, {
      message: `Unknown path components: ${path}`,
      type: "OAuthException",
      code: 2500,
    }),
  invalidParameter: (message: string, subcode?: number) =>
    new GraphError(400, {
      message: `(#100) ${message}`,
      type: "OAuthException",
      code: 100,
      ...(subcode ? { error_subcode: subcode } : {}),
    }),

  // --- messaging (§2 error table) ---
  noMatchingUser: (host: GraphHost) =>
    new GraphError(400, {
      message: "(#100) No matching user found",
      type: messagingType(host),
      code: 100,
      error_subcode: 2534014,
    }),
  textTooLong: (host: GraphHost, bytes: number) =>
    new GraphError(400, {
      message: `(#100) Message text must be UTF-8 and be 1000 bytes or less (got ${bytes} bytes).`,
      type: messagingType(host),
      code: 100,
    }),
  outsideWindow: () =>
    // Exactly the live answer quoted in §2 (HTTP 403, IGApiException, 10/2534022).
    new GraphError(403, {
      message: "This message is sent outside of allowed window.",
      type: "IGApiException",
      code: 10,
      error_subcode: 2534022,
    }),
  dmsDisabled: (host: GraphHost) =>
    new GraphError(403, {
      message: "The account owner has disabled access to Instagram Direct messages.",
      type: messagingType(host),
      code: 200,
      error_subcode: 2534041,
    }),
  notReceiving: (host: GraphHost) =>
    new GraphError(400, {
      message: "This person isn't receiving messages from you right now.",
      type: messagingType(host),
      code: 551,
    }),
  consentRequired: (host: GraphHost) =>
    // Code 230: Chatwoot's Instagram integration branches on `error_code == 230` for this exact
    // message (third-party evidence); §5 quotes only the message.
    new GraphError(400, {
      message: "User consent is required to access user profile",
      type: messagingType(host),
      code: 230,
    }),

  // --- throttling (§2 "Generic Graph errors"; 613/2534040 from the messaging table) ---
  rateLimit4: () =>
    new GraphError(400, {
      message: "(#4) Application request limit reached",
      type: "OAuthException",
      code: 4,
      is_transient: true,
    }),
  rateLimit17: () =>
    new GraphError(400, {
      message: "(#17) User request limit reached",
      type: "OAuthException",
      code: 17,
      is_transient: true,
    }),
  rateLimit32: () =>
    new GraphError(400, {
      message: "(#32) Page request limit reached",
      type: "OAuthException",
      code: 32,
      is_transient: true,
    }),
  rateLimit613: (host: GraphHost) =>
    new GraphError(400, {
      message: "(#613) Calls to this api have exceeded the rate limit.",
      type: messagingType(host),
      code: 613,
      error_subcode: 2534040,
      is_transient: true,
    }),

  // --- injected server faults (codes 1 and 2 mean "retry later", §2) ---
  unknownError: () =>
    new GraphError(500, {
      message: "An unknown error occurred",
      type: "OAuthException",
      code: 1,
      is_transient: true,
    }),
  // §2 "Error codes": 1/1357046 comes although the message was sent. The status is not stated; 500
  // as for the other code 1.
  sentDespiteError: (host: GraphHost) =>
    new GraphError(500, {
      message: "Received invalid JSON reply",
      type: messagingType(host),
      code: 1,
      error_subcode: 1357046,
    }),
  serviceUnavailable: () =>
    new GraphError(503, {
      message: "(#2) Service temporarily unavailable",
      type: "OAuthException",
      code: 2,
      is_transient: true,
    }),
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Meta's expiry messages read "Sunday, 09-Aug-20 01:30:58 PDT"; we print UTC in that layout. */
function metaDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${WEEKDAYS[d.getUTCDay()]}, ${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${
    two(d.getUTCFullYear() % 100)
  } ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC`;
}
