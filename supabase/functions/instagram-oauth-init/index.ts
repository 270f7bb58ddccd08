import { createOAuthInitHandler } from "../_shared/connect/oauth-init.ts";

Deno.serve(createOAuthInitHandler());
