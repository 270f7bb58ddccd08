import { createMessageTemplatesHandler } from "../_shared/templates/message-templates.ts";

Deno.serve(createMessageTemplatesHandler());
