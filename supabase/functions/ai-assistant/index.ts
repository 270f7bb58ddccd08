import { createAiAssistantHandler } from "../_shared/ai/assistant-routes.ts";

Deno.serve(createAiAssistantHandler());
