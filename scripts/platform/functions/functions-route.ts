import { jwtVerify, type JWTVerifyGetKey } from "jose";
import type { FunctionHost } from "./function-host.ts";

export interface FunctionsRouteOptions {
  host: FunctionHost;
  slugs: () => string[];
  verifyJwt: (slug: string) => boolean;
  keys: JWTVerifyGetKey;
  publicUrl: string;
}

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * `/functions/v1/<slug>/*` as the CLI's edge-runtime router answers it (serve/templates/main.ts):
 * 404 for an unknown slug, `verify_jwt` on every non-OPTIONS request (401 `{"msg":"Invalid JWT"}`),
 * the function sees the path `/<slug>/...`, a failed boot is 503 BOOT_ERROR and a throw is 500.
 */
export function createFunctionsRoute(options: FunctionsRouteOptions) {
  return async (request: Request, path: string, info: Deno.ServeHandlerInfo): Promise<Response> => {
    const slug = path.split("/")[1] ?? "";
    if (!options.slugs().includes(slug)) {
      return json({ code: "NOT_FOUND", message: "Requested function was not found" }, 404);
    }
    if (request.method !== "OPTIONS" && options.verifyJwt(slug)) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
      if (!match) return json({ msg: "Error: Missing authorization header" }, 401);
      try {
        await jwtVerify(match[1]!, options.keys);
      } catch {
        return json({ msg: "Invalid JWT" }, 401);
      }
    }

    let handler;
    try {
      handler = await options.host.handlerFor(slug);
    } catch (error) {
      console.error(`[functions] ${slug} failed to boot:`, error);
      return json(
        { code: "BOOT_ERROR", message: "Worker failed to boot (please check logs)" },
        503,
      );
    }

    const incoming = new URL(request.url);
    const url = new URL(`${path}${incoming.search}`, options.publicUrl);
    // the same method, headers and body stream under the function's URL. Not `new Request(url,
    // request)`: it also follows the request's abort signal, which Deno builds on first use, and
    // that cost every call 30 to 40 µs of the gateway's CPU for a signal no function reads
    // (docs/local-platform.md §4.3)
    const forwarded = new Request(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: request.redirect,
      duplex: "half",
    } as RequestInit);
    try {
      return await handler(forwarded, info);
    } catch (error) {
      console.error(`[functions] ${slug} threw:`, error);
      return json({
        code: "WORKER_ERROR",
        message: "Function exited due to an error (please check logs)",
      }, 500);
    }
  };
}
