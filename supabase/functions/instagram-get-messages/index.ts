import { createGetMessagesHandler } from "../_shared/inbox/get-messages.ts";

Deno.serve(createGetMessagesHandler());
