import type { ApiErrorBody } from "../../../shared/src/contracts/api-error.ts";
import { corsHeaders } from "./cors.ts";

/** One error shape for every function: `{"error":{"code","message","details"}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** fields beside code and message, e.g. `required` on plan_required */
    readonly extra: Record<string, string> = {},
    /** response headers, e.g. `retry-after` on a 429 */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, "content-type": "application/json", ...headers },
  });
}

export function errorResponse(error: HttpError): Response {
  const body: ApiErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      details: error.details ?? null,
      ...error.extra,
    },
  };
  return json(body, error.status, error.headers);
}

/**
 * Wraps a handler so that an HttpError becomes its response and anything else a 500 whose body
 * names only an id: the log line carries the detail, the client never sees internals.
 */
export function handler(fn: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await fn(request);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      const id = crypto.randomUUID();
      console.error(`[${id}] unhandled error:`, error instanceof Error ? error.stack : error);
      return errorResponse(new HttpError(500, "internal_error", `Unexpected error (id ${id})`));
    }
  };
}
