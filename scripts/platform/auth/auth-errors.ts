export const API_VERSION_HEADER = "X-Supabase-Api-Version";
const API_VERSION_2024 = "2024-01-01";

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * GoTrue answers in two shapes (internal/api/errors.go): clients that send
 * `X-Supabase-Api-Version: 2024-01-01` (auth-js always does) get `{code, message}` and the header
 * back, which auth-js needs to read `error.code`; older clients get `{code: status, error_code, msg}`.
 */
export function authErrorResponse(error: AuthError, request: Request): Response {
  const headers = new Headers({
    "content-type": "application/json",
    "x-sb-error-code": error.code,
  });
  const requested = request.headers.get(API_VERSION_HEADER);
  if (requested && requested >= API_VERSION_2024) {
    headers.set(API_VERSION_HEADER, API_VERSION_2024);
    return new Response(
      JSON.stringify({ code: error.code, message: error.message, ...error.extra }),
      {
        status: error.status,
        headers,
      },
    );
  }
  const body = { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
