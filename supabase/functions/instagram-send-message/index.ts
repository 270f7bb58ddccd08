import { createSendMessageHandler } from "../_shared/send/send-message.ts";

Deno.serve(createSendMessageHandler());
