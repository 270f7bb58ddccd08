import { createAiProcessHandler } from "../_shared/ai/process-handler.ts";

Deno.serve(createAiProcessHandler());
