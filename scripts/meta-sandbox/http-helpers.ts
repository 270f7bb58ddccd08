/** Small request/response helpers shared by the Meta routes and the control API. */

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=UTF-8" },
  });
}

export function htmlResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

export function redirectResponse(location: string): Response {
  return new Response(null, { status: 302, headers: { location } });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export type Params = Map<string, unknown>;

/**
 * Graph takes parameters from the query string, a form body or a JSON body alike (the Send API is
 * documented with JSON for graph.instagram.com and form fields for graph.facebook.com, §2). Form
 * values that hold JSON (`recipient={"id":...}`) are decoded.
 */
export async function readParams(request: Request): Promise<Params> {
  const params: Params = new Map(new URL(request.url).searchParams);
  if (request.method === "GET" || request.method === "HEAD" || !request.body) return params;
  const type = request.headers.get("content-type") ?? "";
  const text = await request.text();
  if (!text) return params;
  if (type.includes("application/json")) {
    const body = JSON.parse(text);
    if (body && typeof body === "object") {
      for (const [key, value] of Object.entries(body)) params.set(key, value);
    }
    return params;
  }
  for (const [key, value] of new URLSearchParams(text)) params.set(key, decodeJsonish(value));
  return params;
}

function decodeJsonish(value: string): unknown {
  if (!/^[[{]/.test(value.trim())) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function stringParam(params: Params, name: string): string | undefined {
  const value = params.get(name);
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The token from `access_token` or an `Authorization: Bearer|OAuth <token>` header (§2). */
export function accessTokenOf(request: Request, params: Params): string | undefined {
  const header = request.headers.get("authorization");
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1] ?? stringParam(params, "access_token");
}

/** Splits `a,b c` and `a%20b` scope lists (§1A: comma-separated or space-separated). */
export function splitScopes(scope: string | undefined): string[] {
  return (scope ?? "").split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}
