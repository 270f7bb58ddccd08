import { preflight } from "./cors.ts";
import { handler, HttpError } from "./http.ts";

/** A uuid path segment: anything else does not match the route (404), rather than reach SQL. */
export const UUID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

export interface Route {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** a URLPattern pathname, e.g. `/workspaces/:imoId${UUID}/members` */
  path: string;
  handle: (request: Request, params: Record<string, string>) => Promise<Response>;
}

/**
 * One function serving several routes (Supabase recommends few larger functions): the browser's
 * preflight first, 404 for an unknown path, 405 for a known path with another method, then the
 * route inside the one error funnel. The function sees its own name as the first segment.
 */
export function router(routes: Route[]) {
  const compiled = routes.map((route) => ({
    ...route,
    pattern: new URLPattern({ pathname: route.path }),
  }));
  return handler(async (request) => {
    const early = preflight(request);
    if (early) return early;
    const matching = compiled.filter((route) => route.pattern.test(request.url));
    if (matching.length === 0) throw new HttpError(404, "not_found", "No such route");
    const route = matching.find((r) => r.method === request.method);
    if (!route) {
      const allowed = [...new Set(matching.map((r) => r.method))].join(", ");
      throw new HttpError(405, "method_not_allowed", `Use ${allowed}`);
    }
    const groups = route.pattern.exec(request.url)?.pathname.groups ?? {};
    const params = Object.fromEntries(
      Object.entries(groups).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    return await route.handle(request, params);
  });
}
