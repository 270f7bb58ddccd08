import { createProcessScheduledHandler } from "../_shared/automation/process-scheduled.ts";

Deno.serve(createProcessScheduledHandler());
