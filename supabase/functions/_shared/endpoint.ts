import { preflight } from "./cors.ts";
import { handler, HttpError } from "./http.ts";

/**
 * A function that answers one method: the browser's preflight first (hosted Supabase hands OPTIONS
 * to the function), 405 for any other method, then `fn` inside the one error funnel.
 */
export function endpoint(method: "GET" | "POST", fn: (request: Request) => Promise<Response>) {
  return handler(async (request) => {
    const early = preflight(request);
    if (early) return early;
    if (request.method !== method) throw new HttpError(405, "method_not_allowed", `Use ${method}`);
    return await fn(request);
  });
}
