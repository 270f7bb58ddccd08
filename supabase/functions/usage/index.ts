import { createUsageHandler } from "../_shared/usage/get-usage.ts";

Deno.serve(createUsageHandler());
