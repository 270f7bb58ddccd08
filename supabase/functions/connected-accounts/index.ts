import { createConnectedAccountsHandler } from "../_shared/connect/connected-accounts.ts";

Deno.serve(createConnectedAccountsHandler());
