import { createHealthHandler } from "../_shared/health.ts";

Deno.serve(createHealthHandler());
