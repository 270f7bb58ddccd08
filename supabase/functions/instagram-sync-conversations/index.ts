import { createSyncHandler } from "../_shared/webhooks/sync-handler.ts";

Deno.serve(createSyncHandler());
