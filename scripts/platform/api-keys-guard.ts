/** Kong forwards a request that has no `Authorization` with its `apikey` as the bearer (CLI start.go L451-471). */
export function keyAsBearer(request: Request): Request {
  const apikey = request.headers.get("apikey");
  if (!apikey || request.headers.has("authorization")) return request;
  const headers = new Headers(request.headers);
  headers.set("authorization", `Bearer ${apikey}`);
  return new Request(request, { headers });
}

/** Kong's key-auth in front of Auth: the `apikey` must be one of the project's keys. */
export function checkApiKey(request: Request, knownKeys: string[]): Response | Request {
  const apikey = request.headers.get("apikey") ?? new URL(request.url).searchParams.get("apikey");
  if (!apikey) return kongError(401, "No API key found in request");
  if (!knownKeys.includes(apikey)) return kongError(401, "Invalid authentication credentials");
  return keyAsBearer(request);
}

function kongError(status: number, message: string) {
  return new Response(JSON.stringify({ message }), {
    status,
    headers: { "content-type": "application/json" },
  });
}
