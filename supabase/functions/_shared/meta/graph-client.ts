/**
 * Calls to Meta with one error type. Tokens travel in the Authorization header where Meta allows
 * it; URLs that must carry one are never logged, and any token echoed in an error is redacted.
 */
export type MetaErrorKind =
  | "token_invalid" // 190/102: re-login needed
  | "rate_limited" // 4, 17, 32, 613, 80002
  | "window_closed" // 10/2534022
  | "permission" // 10, 200-299
  | "transient" // network, timeout, 5xx, codes 1/2, is_transient
  | "invalid_request"; // anything else from Meta

export class MetaApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | null,
    readonly subcode: number | null,
    readonly kind: MetaErrorKind,
    readonly fbtraceId: string | null = null,
  ) {
    super(message);
  }
}

/** Meta did not answer in time: unlike an unreachable host, the request may have done its work. */
export class MetaTimeoutError extends MetaApiError {}

function classify(
  status: number,
  code: number | null,
  subcode: number | null,
  transient: boolean,
): MetaErrorKind {
  if (code === 190 || code === 102) return "token_invalid";
  if (code === 10 && subcode === 2534022) return "window_closed";
  if (code !== null && [4, 17, 32, 613, 80002].includes(code)) return "rate_limited";
  if (transient || status >= 500 || code === 1 || code === 2) return "transient";
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) return "permission";
  return "invalid_request";
}

function redact(text: string, secrets: string[]) {
  return secrets.filter((s) => s.length >= 8).reduce(
    (out, secret) => out.replaceAll(secret, "[redacted]"),
    text,
  );
}

export interface GraphRequest {
  method?: "GET" | "POST" | "DELETE";
  token?: string;
  /** form fields (application/x-www-form-urlencoded) */
  form?: Record<string, string>;
  json?: unknown;
  timeoutMs?: number;
  /** values to scrub from any error text (secrets sent in the URL or body) */
  secrets?: string[];
}

export async function graphFetch(
  url: string | URL,
  request: GraphRequest = {},
): Promise<Record<string, unknown>> {
  const secrets = [request.token ?? "", ...(request.secrets ?? [])];
  const headers = new Headers();
  if (request.token) headers.set("authorization", `Bearer ${request.token}`);
  let body: BodyInit | undefined;
  if (request.form) body = new URLSearchParams(request.form);
  else if (request.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(request.json);
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") {
      throw new MetaTimeoutError("Meta timed out", 0, null, null, "transient");
    }
    throw new MetaApiError("Meta unreachable", 0, null, null, "transient");
  }

  const text = await response.text();
  let data: Record<string, unknown> = {};
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    if (!response.ok) {
      throw new MetaApiError(
        `Meta answered HTTP ${response.status}`,
        response.status,
        null,
        null,
        classify(response.status, null, null, false),
      );
    }
    throw new MetaApiError(
      "Meta answered with something that is not JSON",
      response.status,
      null,
      null,
      "transient",
    );
  }
  if (response.ok && !("error" in data) && !("error_type" in data)) return data;

  // Graph errors: {error:{message,type,code,error_subcode,is_transient,fbtrace_id}};
  // Instagram's OAuth endpoint: {error_type, code, error_message}
  const graph = (data.error ?? {}) as Record<string, unknown>;
  const message = String(
    graph.message ?? data.error_message ?? `Meta answered HTTP ${response.status}`,
  );
  const code = typeof graph.code === "number"
    ? graph.code
    : typeof data.code === "number"
    ? data.code
    : null;
  const subcode = typeof graph.error_subcode === "number" ? graph.error_subcode : null;
  throw new MetaApiError(
    redact(message, secrets),
    response.status,
    code,
    subcode,
    classify(response.status, code, subcode, graph.is_transient === true),
    typeof graph.fbtrace_id === "string" ? graph.fbtrace_id : null,
  );
}
