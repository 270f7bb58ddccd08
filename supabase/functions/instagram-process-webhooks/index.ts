import { createDrainHandler } from "../_shared/webhooks/drain-handler.ts";

Deno.serve(createDrainHandler());
