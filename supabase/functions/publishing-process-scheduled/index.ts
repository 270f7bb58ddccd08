import { createProcessPublicationsHandler } from "../_shared/publishing/process-scheduled.ts";

Deno.serve(createProcessPublicationsHandler());
