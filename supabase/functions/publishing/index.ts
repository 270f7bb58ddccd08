import { createPublishingHandler } from "../_shared/publishing/routes.ts";

Deno.serve(createPublishingHandler());
