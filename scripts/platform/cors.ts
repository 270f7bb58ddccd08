const EXPOSED = "X-Supabase-Api-Version, Content-Range, X-Total-Count, Link, x-relay-error";

/**
 * The CLI's Kong `cors` plugin: it answers every preflight itself, echoing the requested headers,
 * and puts `Access-Control-Allow-Origin: *` on every response. GoTrue's exposed headers are added
 * so that auth-js can read `X-Supabase-Api-Version` from a browser.
 */
export function preflightResponse(request: Request): Response | undefined {
  if (request.method !== "OPTIONS" || !request.headers.has("access-control-request-method")) {
    return undefined;
  }
  return new Response(null, {
    status: 200,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Headers": request.headers.get("access-control-request-headers") ?? "*",
      "Access-Control-Allow-Methods": "GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS,TRACE,CONNECT",
      "Access-Control-Max-Age": "3600",
      "Content-Length": "0",
    },
  });
}

export function withCors(response: Response): Response {
  try {
    // most responses are the function's own, whose headers can be set in place (no copy of the
    // response and no stream piped through for its body)
    setCors(response.headers);
    return response;
  } catch {
    // a fetch()'s response or a redirect: its headers are immutable
  }
  const headers = new Headers(response.headers);
  setCors(headers);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

function setCors(headers: Headers) {
  if (!headers.has("access-control-allow-origin")) headers.set("Access-Control-Allow-Origin", "*");
  headers.set("Access-Control-Expose-Headers", EXPOSED);
}
