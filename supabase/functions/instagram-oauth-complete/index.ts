import { createOAuthCompleteHandler } from "../_shared/connect/oauth-complete.ts";

Deno.serve(createOAuthCompleteHandler());
