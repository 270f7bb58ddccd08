import { createOAuthCallbackHandler } from "../_shared/connect/oauth-callback.ts";

Deno.serve(createOAuthCallbackHandler());
