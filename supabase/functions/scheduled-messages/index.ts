import { createScheduledMessagesHandler } from "../_shared/automation/scheduled-messages.ts";

Deno.serve(createScheduledMessagesHandler());
