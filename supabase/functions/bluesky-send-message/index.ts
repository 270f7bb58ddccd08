import { createBlueskySendHandler } from "../_shared/bluesky/send-handler.ts";

Deno.serve(createBlueskySendHandler());
