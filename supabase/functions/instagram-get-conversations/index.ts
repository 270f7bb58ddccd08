import { createGetConversationsHandler } from "../_shared/inbox/get-conversations.ts";

Deno.serve(createGetConversationsHandler());
