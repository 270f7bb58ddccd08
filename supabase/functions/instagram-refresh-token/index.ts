import { createRefreshTokensHandler } from "../_shared/connect/refresh-tokens.ts";

Deno.serve(createRefreshTokensHandler());
