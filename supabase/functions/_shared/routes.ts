import { preflight } from "./cors.ts";
import { handler, HttpError } from "./http.ts";

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type RouteKey = `${Method} /${string}`;

/**
 * One function, several operations: `"GET /"`, `"POST /render"`, ... keyed by method and the path
 * after the function's name (Supabase hands a function `/<name>/...`; so does the local gateway).
 * The browser's preflight first, then 405 for a known path with another method, 404 otherwise.
 */
export function router(routes: Partial<Record<RouteKey, (request: Request) => Promise<Response>>>) {
  return handler(async (request) => {
    const early = preflight(request);
    if (early) return early;
    const segments = new URL(request.url).pathname.split("/").filter(Boolean).slice(1);
    const path = `/${segments.join("/")}`;
    const route = routes[`${request.method} ${path}` as RouteKey];
    if (route) return await route(request);
    const methods = Object.keys(routes)
      .filter((key) => key.slice(key.indexOf(" ") + 1) === path)
      .map((key) => key.slice(0, key.indexOf(" ")));
    if (methods.length) {
      throw new HttpError(405, "method_not_allowed", `Use ${methods.join(" or ")}`);
    }
    throw new HttpError(404, "route_not_found", `No operation at ${path}`);
  });
}
