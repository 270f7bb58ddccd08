import { verifyRequest } from "./auth.ts";
import { preflight } from "./cors.ts";
import { db } from "./db.ts";
import { handler, json } from "./http.ts";

/** Liveness of the function runtime and its database, for any caller holding a project JWT. */
export function createHealthHandler() {
  return handler(async (request) => {
    const early = preflight(request);
    if (early) return early;
    const claims = await verifyRequest(request);
    const started = performance.now();
    await db()`select 1`;
    return json({
      status: "ok",
      database: { status: "up", latency_ms: Math.round((performance.now() - started) * 10) / 10 },
      role: claims.role ?? null,
      user_id: claims.sub ?? null,
      time: new Date().toISOString(),
    });
  });
}
