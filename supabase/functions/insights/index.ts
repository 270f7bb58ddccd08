import { createInsightsHandler } from "../_shared/insights/routes.ts";

Deno.serve(createInsightsHandler());
