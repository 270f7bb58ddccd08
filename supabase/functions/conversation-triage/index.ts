import { createTriageConversationHandler } from "../_shared/inbox/triage-conversation.ts";

Deno.serve(createTriageConversationHandler());
