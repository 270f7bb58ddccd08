/** The headers supabase-js sends from a browser (supabase-js `cors.ts`, plus tracing). */
export const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers":
    "authorization, x-client-info, apikey, content-type, x-retry-count, x-region, traceparent, tracestate, baggage",
  "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  // not a CORS-safelisted response header: without this the SPA cannot read a 429's wait
  "Access-Control-Expose-Headers": "retry-after",
};

/** Hosted Supabase hands OPTIONS to the function, so every function answers its own preflight. */
export function preflight(request: Request): Response | undefined {
  if (request.method !== "OPTIONS") return undefined;
  return new Response("ok", { headers: corsHeaders });
}
