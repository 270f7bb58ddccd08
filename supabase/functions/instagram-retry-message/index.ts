import { createRetryMessageHandler } from "../_shared/send/retry-message.ts";

Deno.serve(createRetryMessageHandler());
